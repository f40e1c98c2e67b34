#include "parse/doc_tree.h"

#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <exception>
#include <new>
#include <sstream>

namespace samlint::doc_tree {
namespace {

/// YAML streams: documents at most (each "---" line starts one).
constexpr std::size_t kMaxTreeDocuments = 10'000;

}  // namespace

Result<std::vector<Node>> ParseDocuments(std::string_view text, const std::string& source,
                                         std::deque<Value>& arena, Budget& budget) {
  try {
    if (Status shape = CheckShape(text, source); !shape.ok()) {
      return shape;
    }
    std::istringstream input{std::string(text)};
    YAML::Parser parser(input);
    TreeBuilder builder(arena, budget);
    std::vector<Node> roots;
    std::optional<YAML::Mark> previous;
    for (std::size_t documents = 0; parser.HandleNextDocument(builder); ++documents) {
      // A document that starts where the previous one did consumed nothing
      // (see ParseDeclarations): stop rather than loop.
      if (previous && builder.DocumentMark().pos <= previous->pos) {
        return Status::Error(At(source, builder.DocumentMark()) +
                             ": is not valid JSON or YAML: unexpected character");
      }
      previous = builder.DocumentMark();
      if (documents >= kMaxTreeDocuments) {
        return Status::Error(source + " holds more than " + std::to_string(kMaxTreeDocuments) +
                             " documents");
      }
      if (!IsNull(builder.Root())) {
        roots.push_back(builder.Root());
      }
    }
    return roots;
  } catch (const LimitReached& reached) {
    return Status::Error(LimitMessage(source, reached, budget.limits));
  } catch (const YAML::Exception& e) {
    if (e.msg == "bad file") {
      return Status::Error(At(source, e.mark) + ": is nested too deeply");
    }
    return Status::Error(At(source, e.mark) + ": is not valid JSON or YAML: " + e.msg);
  } catch (const std::bad_alloc&) {
    return Status::Error(source + ": is too large to read (out of memory)");
  } catch (const std::exception& e) {
    return Status::Error(source + ": cannot be read: " + e.what());
  } catch (...) {
    return Status::Error(source + ": cannot be read");
  }
}

}  // namespace samlint::doc_tree
