/* Reads an iCalendar file with libical (the library behind Evolution and
 * other clients), runs its restriction check (icalrestriction_check, which
 * applies RFC 5545/5546's rules for the file's METHOD) and prints every
 * X-LIC-ERROR it finds. Exit 0 when there is none, 1 otherwise, 2 when the
 * file cannot be read. Built by Tests/e2e/ics-consumers.sh. */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>

static int report(icalcomponent *c) {
  int n = 0;
  for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
       p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY)) {
    const char *uid = icalcomponent_get_uid(c);
    printf("%s %s: %s\n", icalcomponent_kind_to_string(icalcomponent_isa(c)), uid ? uid : "-",
           icalproperty_get_xlicerror(p));
    n++;
  }
  for (icalcomponent *k = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); k;
       k = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
    n += report(k);
  return n;
}

int main(int argc, char **argv) {
  if (argc != 2) { fprintf(stderr, "usage: libical_check FILE.ics\n"); return 2; }
  FILE *f = fopen(argv[1], "rb");
  if (!f) { perror(argv[1]); return 2; }
  fseek(f, 0, SEEK_END);
  long size = ftell(f);
  rewind(f);
  char *text = malloc(size + 1);
  if (fread(text, 1, size, f) != (size_t)size) { perror(argv[1]); return 2; }
  text[size] = 0;
  fclose(f);
  icalcomponent *cal = icalparser_parse_string(text);
  if (!cal) { fprintf(stderr, "%s: libical could not parse it\n", argv[1]); return 2; }
  /* Adds an X-LIC-ERROR for every rule broken; parse errors are there already. */
  icalrestriction_check(cal);
  int errors = report(cal);
  int events = 0;
  for (icalcomponent *ev = icalcomponent_get_first_component(cal, ICAL_VEVENT_COMPONENT); ev;
       ev = icalcomponent_get_next_component(cal, ICAL_VEVENT_COMPONENT))
    events++;
  if (errors == 0) printf("libical: %d events, no errors\n", events);
  icalcomponent_free(cal);
  free(text);
  return errors == 0 ? 0 : 1;
}
