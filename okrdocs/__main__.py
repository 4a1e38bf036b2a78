"""Allow ``python -m okrdocs``."""

from okrdocs.cli import main

if __name__ == "__main__":
    main()
