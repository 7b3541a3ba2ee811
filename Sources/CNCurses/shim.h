// SwiftPM drops pkg-config's -D flags, so the wide-character API must be
// switched on here, before curses.h, or wget_wch and friends vanish.
#ifndef ARSHJUL_CNCURSES_SHIM_H
#define ARSHJUL_CNCURSES_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/curses.h>

// Swift cannot import function-like macros or, under Swift 6, the mutable
// globals COLORS/COLOR_PAIRS: read them through these.
static inline int arshjul_colors(void) { return COLORS; }
static inline int arshjul_color_pairs(void) { return COLOR_PAIRS; }
static inline int arshjul_key_resize(void) { return KEY_RESIZE; }
static inline int arshjul_key_f0(void) { return KEY_F0; }
static inline attr_t arshjul_a_bold(void) { return A_BOLD; }
static inline attr_t arshjul_a_dim(void) { return A_DIM; }
static inline attr_t arshjul_a_reverse(void) { return A_REVERSE; }
static inline attr_t arshjul_a_underline(void) { return A_UNDERLINE; }
static inline attr_t arshjul_a_normal(void) { return A_NORMAL; }
static inline int arshjul_getmaxy(WINDOW *w) { return getmaxy(w); }

// newterm instead of initscr: initscr exits the process on an unknown TERM,
// newterm returns NULL so we can say so in our own words.
static inline WINDOW *arshjul_open_screen(void) {
  SCREEN *screen = newterm(NULL, stdout, stdin);
  if (!screen) return NULL;
  set_term(screen);
  // A terminal that cannot move the cursor (TERM=dumb) would show a blank,
  // unusable screen: treat it as unknown.
  char *cup = tigetstr("cup");
  if (cup == NULL || cup == (char *)-1) {
    endwin();
    delscreen(screen);
    return NULL;
  }
  return stdscr;
}
static inline int arshjul_getmaxx(WINDOW *w) { return getmaxx(w); }

// Signals that end the program (SIGTERM, SIGHUP when the terminal closes,
// SIGINT, SIGQUIT) only set this flag; the main loop sees it within a
// moment, writes the journal out, restores the terminal and exits. No
// SA_RESTART, so a read that is waiting returns at once.
#include <signal.h>
static volatile sig_atomic_t arshjul_caught_signal = 0;
static void arshjul_on_signal(int s) { arshjul_caught_signal = s; }
static inline void arshjul_catch_signals(void) {
  struct sigaction sa;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;
  sa.sa_handler = arshjul_on_signal;
  sigaction(SIGTERM, &sa, 0);
  sigaction(SIGHUP, &sa, 0);
  sigaction(SIGINT, &sa, 0);
  sigaction(SIGQUIT, &sa, 0);
}
static inline int arshjul_signal(void) { return arshjul_caught_signal; }
#endif
