"""Use cases shared by the GUI, the command line and the tests."""
