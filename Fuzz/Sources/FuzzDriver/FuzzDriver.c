// Only the declaration in include/FuzzDriver.h is needed; libFuzzer provides the definition.
#include "FuzzDriver.h"
