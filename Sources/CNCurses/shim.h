// SwiftPM drops pkg-config's -D flags, so the wide-character API must be
// switched on here, before curses.h, or wget_wch and friends vanish.
#ifndef ARSHJUL_CNCURSES_SHIM_H
#define ARSHJUL_CNCURSES_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>

// Swift 6 refuses the mutable globals stdscr/COLORS/COLOR_PAIRS; read them here.
static inline int arshjul_colors(void) { return COLORS; }
static inline int arshjul_color_pairs(void) { return COLOR_PAIRS; }
static inline int arshjul_key_resize(void) { return KEY_RESIZE; }
static inline int arshjul_set_escdelay(int ms) { return set_escdelay(ms); }
#endif
