import sys

from outreach_app.cli import main

sys.exit(main())
