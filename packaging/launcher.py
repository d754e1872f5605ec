"""Entry point of the frozen bundle: the same command line as `outreach-app`."""

import sys

from outreach_app.cli import main

if __name__ == "__main__":
    sys.exit(main())
