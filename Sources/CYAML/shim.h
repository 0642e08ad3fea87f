// The one header of libyaml, wrapped so that SwiftPM can build a module from it.
#include <yaml.h>
