// Imported FIRST by tests that drive Ink on a fake TTY: Ink decides at import time whether it is
// in CI (where it draws nothing until the end), and these tests play a person's terminal.
import {letInkDrawFrames} from '../../source/ui/ink-draws-frames.js';

letInkDrawFrames();
