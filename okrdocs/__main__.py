"""Allow ``python -m okrdocs`` (the same start as the console script)."""

from okrdocs.prefetch import main

if __name__ == "__main__":
    main()
