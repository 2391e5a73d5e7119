// Comments on schemas, views, sequences, types and routines. An old comment follows its object's
// renames and moves; an object this diff creates (or creates again) starts without one; the
// comment of an object that goes away goes with it.

#include <map>

#include "diff/context.hpp"

namespace flick::diff {
namespace {

// Grants name a view as a "table"; a comment says which kind of view.
ObjectKey key_of(const model::Comment& comment) {
  bool view = comment.object_kind == "view" || comment.object_kind == "materialized view";
  return {view ? "table" : comment.object_kind, comment.schema, comment.name, comment.arguments};
}

}  // namespace

std::string commented_object_text(const model::Comment& comment) {
  std::string text = comment.object_kind + " \"" + comment.schema + "\"";
  if (comment.object_kind != "schema") text += ".\"" + comment.name + "\"";
  if (comment.object_kind == "routine") text += "(" + comment.arguments + ")";
  return text;
}

void diff_comments(Context& context) {
  std::set<ObjectKey> fresh = created_objects(context);
  std::map<ObjectKey, std::string> old_texts;  // by the object's key in the new catalog
  for (const model::Comment& comment : context.from.comments) {
    std::optional<ObjectKey> now = carried_object(context, key_of(comment));
    if (!now || fresh.count(*now) != 0) continue;  // gone, or created again without it
    old_texts[*now] = comment.text;
  }
  for (const model::Comment& comment : context.to.comments) {
    auto old = old_texts.find(key_of(comment));
    if (old == old_texts.end() || old->second != comment.text) {
      context.add(kComments, SetComment{comment});
    }
    if (old != old_texts.end()) old_texts.erase(old);
  }
  for (const auto& [key, text] : old_texts) {
    const auto& [kind, schema, name, arguments] = key;
    // The object stays and loses its comment: find its kind in the new catalog.
    std::string comment_kind = kind;
    if (kind == "table") {
      const model::View* view = context.to.find_view(schema, name);
      if (view == nullptr) continue;  // a table: its comment is the table's own
      comment_kind = view->materialized ? "materialized view" : "view";
    }
    context.add(kComments, SetComment{{comment_kind, schema, name, arguments, ""}});
  }
}

}  // namespace flick::diff
