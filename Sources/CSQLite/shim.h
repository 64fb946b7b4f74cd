#ifndef KB_CSQLITE_SHIM_H
#define KB_CSQLITE_SHIM_H
#include <sqlite3.h>
#endif
