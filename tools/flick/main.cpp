#include <fmt/core.h>

int main() {
  fmt::print("flick {}\n", FLICK_VERSION);
  return 0;
}
