#!/usr/bin/env bash
# Checks that the module dependency graph the build declares matches the one documented in
# docs/architecture.md, and that the build graph has no cycle.
#
# Build graph: every src/<module>/CMakeLists.txt is a module; its edges are the flick_<other>
# entries (PUBLIC, PRIVATE or INTERFACE) of the target_link_libraries(flick_<module> ...) calls in
# that file, where <other> is itself a module folder. Other targets (fmt::fmt, flick_app_schema,
# flick_codegen_tool, ...) are not modules and are ignored, as are links made by other targets.
# Documented graph: the one ```text module-graph fenced block of docs/architecture.md, one line per
# module: `<module>: <modules it links, space separated, sorted>`.
#
# Usage: module_graph.sh [REPO_ROOT]   (default: the repository holding this script)
# Exit status: 0 when the graphs match and the build graph is acyclic, 1 otherwise.
set -euo pipefail
export LC_ALL=C

if ((BASH_VERSINFO[0] < 4 || (BASH_VERSINFO[0] == 4 && BASH_VERSINFO[1] < 3))); then
  echo "module_graph.sh: needs bash 4.3 or later (associative arrays, namerefs)" >&2
  exit 1
fi

root=${1:-$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)}
docs_label=docs/architecture.md
docs_file=$root/$docs_label

# cmake_calls FILE COMMAND
#   Takes a CMake file and a command name (matched case-insensitively, as CMake does).
#   Prints one line per call of COMMAND in FILE: its arguments, whitespace collapsed to single
#   spaces. Calls may span lines; `#` comments are dropped (a `#` inside a quoted argument would be
#   taken for a comment, which these files do not have).
cmake_calls() {
  awk -v command="$2" '
    { sub(/#.*/, ""); text = text " " $0 }
    END {
      pattern = "(^|[^a-z0-9_])" tolower(command) "[ \t]*\\("
      while (match(tolower(text), pattern)) {
        text = substr(text, RSTART + RLENGTH)
        close_at = index(text, ")")
        if (close_at == 0) break
        args = substr(text, 1, close_at - 1)
        text = substr(text, close_at + 1)
        gsub(/[ \t]+/, " ", args); sub(/^ /, "", args); sub(/ $/, "", args)
        print args
      }
    }' "$1"
}

# link_target TOKEN
#   Takes one argument of target_link_libraries. Prints the target it names: the token without
#   quotes, or for a generator expression such as $<LINK_ONLY:flick_pg> the part after its last
#   colon.
link_target() {
  local token=${1//\"/}
  if [[ $token == '$<'* ]]; then
    token=${token##*:}
    token=${token%%>*}
  fi
  printf '%s\n' "$token"
}

# Build graph, filled by read_build_graph:
#   modules      module names, sorted
#   is_module    module -> 1
#   build_deps   module -> the modules it links, space separated, sorted
modules=()
declare -A is_module=()
declare -A build_deps=()

# read_build_graph
#   Takes nothing (reads $root/src/*/CMakeLists.txt). Fills modules, is_module and build_deps.
#   Returns 1, after saying why, when there is no module or a module folder defines no library
#   flick_<module>.
read_build_graph() {
  local list module target dep status=0
  local -a words
  for list in "$root"/src/*/CMakeLists.txt; do
    [[ -f $list ]] || continue
    module=$(basename "$(dirname "$list")")
    modules+=("$module")
    is_module[$module]=1
  done
  if ((${#modules[@]} == 0)); then
    echo "module graph: no src/*/CMakeLists.txt under $root" >&2
    return 1
  fi
  for module in "${modules[@]}"; do
    list=$root/src/$module/CMakeLists.txt
    if ! cmake_calls "$list" add_library |
         awk -v lib="flick_$module" '$1 == lib { found = 1 } END { exit !found }'; then
      echo "module graph: src/$module/CMakeLists.txt defines no library flick_$module" >&2
      status=1
    fi
    build_deps[$module]=$(
      cmake_calls "$list" target_link_libraries | while read -r -a words; do
        [[ ${#words[@]} -gt 0 && ${words[0]} == "flick_$module" ]] || continue
        for target in "${words[@]:1}"; do
          target=$(link_target "$target")
          dep=${target#flick_}
          if [[ $target == flick_?* && -n ${is_module[$dep]:-} ]]; then
            printf '%s\n' "$dep"
          fi
        done
      done | sort -u | paste -sd ' ' -
    )
  done
  return "$status"
}

# Documented graph, filled by read_docs_graph:
#   docs_modules  module names, in the block's order
#   docs_deps     module -> the modules it links, space separated, sorted
docs_modules=()
declare -A docs_deps=()

# docs_block
#   Takes nothing (reads $docs_file). Prints the lines inside the ```text module-graph block.
#   Returns 1, after saying why, when the file or the block is missing, when there is more than
#   one such block, or when the block is not closed.
docs_block() {
  local opens
  if [[ ! -f $docs_file ]]; then
    echo "module graph: $docs_label not found under $root" >&2
    return 1
  fi
  opens=$(grep -c '^```text module-graph[[:space:]]*$' "$docs_file" || true)
  if ((opens == 0)); then
    echo "module graph: $docs_label has no \`\`\`text module-graph block" >&2
    return 1
  elif ((opens > 1)); then
    echo "module graph: $docs_label has $opens \`\`\`text module-graph blocks, expected one" >&2
    return 1
  fi
  awk '
    /^```text module-graph[ \t]*$/ { inside = 1; next }
    inside && /^```[ \t]*$/ { closed = 1; exit }
    inside { print }
    END { exit closed ? 0 : 1 }' "$docs_file" || {
    echo "module graph: the \`\`\`text module-graph block of $docs_label is not closed" >&2
    return 1
  }
}

# read_docs_graph
#   Takes nothing. Fills docs_modules and docs_deps from the block. Returns 1, after saying why,
#   when the block is missing or a line is malformed, repeated, or lists its modules unsorted.
read_docs_graph() {
  local block line module deps sorted name status=0
  local -a words
  block=$(docs_block) || return 1
  while IFS= read -r line; do
    [[ $line =~ ^[[:space:]]*$ ]] && continue
    if [[ ! $line =~ ^([A-Za-z0-9_.-]+):(.*)$ ]]; then
      echo "module graph: $docs_label: not a '<module>: <modules>' line: $line" >&2
      status=1
      continue
    fi
    module=${BASH_REMATCH[1]}
    read -r -a words <<<"${BASH_REMATCH[2]}"
    for name in "${words[@]}"; do
      if [[ ! $name =~ ^[A-Za-z0-9_.-]+$ ]]; then
        echo "module graph: $docs_label: '$name' is not a module name: $line" >&2
        status=1
      fi
    done
    if [[ -n ${docs_deps[$module]+set} ]]; then
      echo "module graph: $docs_label: module $module has more than one line" >&2
      status=1
      continue
    fi
    deps=${words[*]}
    sorted=$(printf '%s\n' "${words[@]}" | sort -u | paste -sd ' ' -)
    if [[ $deps != "$sorted" ]]; then
      echo "module graph: $docs_label: the line of $module should read '$module:${sorted:+ $sorted}'" \
           "(sorted, each module once)" >&2
      status=1
    fi
    docs_modules+=("$module")
    docs_deps[$module]=$sorted
  done <<<"$block"
  return "$status"
}

# edges_of ARRAY_NAME
#   Takes the name of a module -> deps associative array. Prints its edges as `a -> b`, sorted.
edges_of() {
  local -n graph=$1
  local module dep
  for module in "${!graph[@]}"; do
    for dep in ${graph[$module]}; do
      printf '%s -> %s\n' "$module" "$dep"
    done
  done | sort
}

# find_cycles
#   Takes nothing (reads modules and build_deps). Prints each cycle met by a depth-first walk as
#   `dependency cycle in the build: a -> b -> a`. Returns 1 when there is one, 0 otherwise.
find_cycles() {
  declare -A state=()   # module -> on_path | finished
  local -a path=()
  local found=0 module

  # visit MODULE: walks MODULE's deps depth-first, path holding the modules being walked.
  visit() {
    local node=$1 dep i cycle
    state[$node]=on_path
    path+=("$node")
    for dep in ${build_deps[$node]}; do
      if [[ ${state[$dep]:-} == on_path ]]; then
        for ((i = 0; i < ${#path[@]}; i++)); do
          [[ ${path[i]} == "$dep" ]] && break
        done
        cycle=$(printf '%s -> ' "${path[@]:i}")
        echo "dependency cycle in the build: $cycle$dep" >&2
        found=1
      elif [[ -z ${state[$dep]:-} ]]; then
        visit "$dep"
      fi
    done
    path=("${path[@]:0:${#path[@]}-1}")
    state[$node]=finished
  }

  for module in "${modules[@]}"; do
    [[ -z ${state[$module]:-} ]] && visit "$module"
  done
  return "$found"
}

# compare_graphs
#   Takes nothing (reads both graphs). Prints every module and edge present on one side only.
#   Returns 1 when there is such a difference, 0 otherwise.
compare_graphs() {
  local line found=0
  while IFS= read -r line; do
    [[ -n $line ]] || continue
    echo "module in the build, not in $docs_label: $line" >&2
    found=1
  done < <(comm -23 <(printf '%s\n' "${modules[@]}" | sort) <(printf '%s\n' "${docs_modules[@]}" | sort))
  while IFS= read -r line; do
    [[ -n $line ]] || continue
    echo "module in $docs_label, not in the build: $line" >&2
    found=1
  done < <(comm -13 <(printf '%s\n' "${modules[@]}" | sort) <(printf '%s\n' "${docs_modules[@]}" | sort))
  while IFS= read -r line; do
    echo "edge in the build, not in $docs_label: $line" >&2
    found=1
  done < <(comm -23 <(edges_of build_deps) <(edges_of docs_deps))
  while IFS= read -r line; do
    echo "edge in $docs_label, not in the build: $line" >&2
    found=1
  done < <(comm -13 <(edges_of build_deps) <(edges_of docs_deps))
  return "$found"
}

read_build_graph || exit 1
failed=0
find_cycles || failed=1
if read_docs_graph; then
  compare_graphs || failed=1
else
  failed=1
fi
if ((failed)); then
  echo "module graph: check failed (see above)" >&2
  exit 1
fi
echo "module graph: ${#modules[@]} modules, $(edges_of build_deps | wc -l) edges, matches $docs_label"
