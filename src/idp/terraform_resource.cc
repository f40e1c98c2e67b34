#include "idp/terraform_resource.h"

#include <string>
#include <utility>

namespace samlint::idp {

using namespace doc_tree;  // NOLINT(google-build-using-namespace): the shared JSON/YAML tree

App PlanApp(const TfResource& r, std::string idp) {
  App app;
  app.offset = Pos(r.resource);
  app.part.idp = std::move(idp);
  app.part.origin = "Terraform plan";
  app.part.pointer = r.pointer;
  app.part.name = r.address;
  return app;
}

bool UnknownAt(Node unknown, std::string_view key) { return TrueText(Get(unknown, key)); }

}  // namespace samlint::idp
