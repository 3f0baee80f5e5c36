"""End-to-end browser tests (Playwright + Debian's Chromium); see README.md."""
