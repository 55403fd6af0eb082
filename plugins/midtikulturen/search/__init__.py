"""Site search with Pagefind: a chunked index built during the build, searched in the browser."""
