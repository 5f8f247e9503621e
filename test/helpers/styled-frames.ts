// Imported FIRST by tests that compare styled frames: chalk decides at import time whether to
// colour, and a test's stdout is no terminal, so without this every frame would be plain text.
process.env['FORCE_COLOR'] = '1';
