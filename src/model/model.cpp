#include "model/model.hpp"

namespace rv {

const Group* GrantYear::find_group(const std::string& id) const {
  for (const auto& g : groups)
    if (g.id == id) return &g;
  return nullptr;
}

const Question* GrantYear::find_question(const std::string& id) const {
  for (const auto& q : questions)
    if (q.id == id) return &q;
  return nullptr;
}

std::vector<const Recipient*> GrantYear::recipients_in(const std::string& group) const {
  std::vector<const Recipient*> out;
  for (const auto& r : recipients)
    if (r.group == group) out.push_back(&r);
  return out;
}

const FieldDecl* GrantYear::find_field(const std::string& group, const std::string& name) const {
  for (const auto& d : field_decls)
    if (d.name == name && (d.group.empty() || d.group == group)) return &d;
  return nullptr;
}

}  // namespace rv
