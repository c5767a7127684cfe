"""The readers' fuzz harness and hostile set (issue 13): scripts, not part of the package.

``python fuzz/run.py`` runs the mutation campaign, ``python fuzz/hostile.py`` the hostile
set; ``corpus`` holds the seeds, ``mutators`` the seeded mutations, ``pdfmake`` writes the
small uncompressed PDFs both of them need.
"""
