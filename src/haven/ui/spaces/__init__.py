"""Group spaces in the Qt app: the space list, feed, threads, members and moderation."""
