// linksnap-relay: the native messaging host the browser launches. See docs/protocol.md.
return 0;
