"""``python -m hardcode_lint`` is the ``hardcode-lint`` command."""

from hardcode_lint.cli.launch import main

if __name__ == "__main__":
    main()
