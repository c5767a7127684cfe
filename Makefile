# Each target sets itself up: the first run creates .venv and installs the project
# with its development tools (pinned by constraints.txt); later runs reuse it.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: demo test lint typecheck pytest docs bench fuzz schema messages golden preview clean

$(INSTALLED): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(INSTALLED)

## demo: summarise and check the bundled example reports (and a deliberately broken one),
## and write every format of both to out/
demo: $(INSTALLED)
	$(BIN)/python -m govdisclosure read examples/sources/*.txt -o out --force
	@echo
	$(BIN)/python -m govdisclosure summary examples/*.json
	@echo
	$(BIN)/python -m govdisclosure check examples/*.json examples/broken/*.json || true
	@echo
	$(BIN)/python -m govdisclosure render examples/*.json -o out --force

## test: ruff, mypy --strict, then pytest with doctests
test: lint typecheck pytest

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(INSTALLED)
	$(BIN)/mypy

pytest: $(INSTALLED)
	bash tools/ensure-chromium.sh
	$(BIN)/python -m pytest -q

## docs: build the documentation, warnings as errors
docs: $(INSTALLED)
	$(BIN)/sphinx-build -n -W --keep-going -q -b html docs docs/_build/html

## bench: run the benchmarks and print what they measured
bench: $(INSTALLED)
	$(BIN)/python benchmarks/run.py

## fuzz: the readers' fuzz campaign (20,000 inputs per reader, in worker subprocesses), the
## hostile set, and 10,000 random reports read back per format; reproducers of what it finds
## go to fuzz/findings (hours: not in test or CI)
ROUND_TRIPS := tests/test_json.py::test_read_render_round_trip \
	tests/test_read_docx.py::test_our_docx_reads_back_exactly \
	tests/test_read_html.py::test_any_report_reads_back_from_its_page \
	tests/test_read_lines.py::test_text_round_trip tests/test_read_lines.py::test_markdown_round_trip
fuzz: $(INSTALLED)
	-$(BIN)/python fuzz/run.py --per-reader 20000 --workers 2 --out fuzz/findings
	$(BIN)/python fuzz/hostile.py
	GOVDISCLOSURE_ROUND_TRIPS=10000 $(BIN)/python -m pytest -q -p no:cacheprovider $(ROUND_TRIPS)

## schema: regenerate the shipped JSON Schema from the layouts
schema: $(INSTALLED)
	$(BIN)/python -m govdisclosure.schema

clean:
	rm -rf $(VENV) docs/_build .pytest_cache .mypy_cache .ruff_cache .hypothesis out

## messages: bring the translation catalogs in line with the code (then translate what it lists)
messages: $(INSTALLED)
	$(BIN)/python -m govdisclosure._catalogs

## golden: regenerate the renderers' golden files (review the diff before committing)
golden: $(INSTALLED)
	$(BIN)/python -m tests.golden

## preview: the DOCX of the examples as PDF and PNG pages in out/preview (LibreOffice; not in CI)
preview: $(INSTALLED)
	bash tools/preview.sh
