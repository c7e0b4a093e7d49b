// Colours are part of what the component tests check, and the test runner
// is not a terminal: ask the colour library for them before it loads.
process.env.FORCE_COLOR = '1';
