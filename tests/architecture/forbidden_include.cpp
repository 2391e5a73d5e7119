// Must NOT compile: flick_model links no module, so pg's headers are not on its include path
// (cmake/FlickModule.cmake). Built only by the architecture.forbidden_include_fails test.
#include "flick/model.hpp"
#include "pg/pg.hpp"

int main() { return 0; }
