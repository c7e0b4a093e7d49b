/** The version every frame carries; bumped on any incompatible change. */
export const PROTOCOL_VERSION = 1;

/**
 * The largest frame body either side accepts, in bytes. A request is a few
 * hundred bytes, and boot arguments are capped below (64 words of 1 KiB), so
 * 64 KiB leaves room while bounding what one connection can make the other
 * side hold in memory before it is refused.
 */
export const MAX_FRAME_BYTES = 64 * 1024;

/** Each frame starts with its body's length as a 32-bit big-endian integer. */
export const FRAME_HEADER_BYTES = 4;

/** Boot arguments: at most this many words, each at most this long. */
export const MAX_BOOT_ARGS = 64;
export const MAX_BOOT_ARG_BYTES = 1024;
