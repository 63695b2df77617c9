// json-c: the JSON parser for data ingest and the external-plugin bridge.
#include <json.h>
