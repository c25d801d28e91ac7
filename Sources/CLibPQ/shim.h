#ifndef ILSON_CLIBPQ_SHIM_H
#define ILSON_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
