// A JSON / YAML document as a tree whose nodes keep their position (yaml-cpp
// Marks), for files whose findings name a line: declarations files and IdP
// configuration. Internal to the library.
#pragma once

#include <yaml-cpp/anchor.h>
#include <yaml-cpp/emitterstyle.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <cstddef>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "samlint/limits.h"
#include "samlint/status.h"

namespace samlint::doc_tree {

/// Documents nested deeper than this are refused before yaml-cpp, whose parser
/// recurses once per level, sees them. Real declarations nest about 12 deep.
inline constexpr std::size_t kMaxDepth = 200;

inline bool IsBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\0'; }

inline bool IsDigit(char c) { return c >= '0' && c <= '9'; }

inline std::string LineOf(const std::string& source, std::size_t line) {
  return source + ":" + std::to_string(line);
}

/// "source:line" of a 0-based yaml-cpp mark; the source alone for a null mark.
inline std::string At(const std::string& source, const YAML::Mark& mark) {
  if (mark.line < 0) {
    return source;
  }
  return LineOf(source, static_cast<std::size_t>(mark.line) + 1);
}

// ---------------------------------------------------------------------------
// The shape check: a cheap scan that bounds nesting depth before yaml-cpp
// parses the text. (The value count is bounded exactly, as the tree is built.)

/// True when `rest` (what follows a '|' or '>') is a block scalar header:
/// indentation / chomping indicators, then nothing but blanks or a comment.
inline bool IsBlockScalarHeader(std::string_view rest) {
  std::size_t i = 0;
  while (i < rest.size() && (IsDigit(rest[i]) || rest[i] == '+' || rest[i] == '-')) {
    ++i;
  }
  while (i < rest.size() && IsBlank(rest[i])) {
    ++i;
  }
  return i == rest.size() || rest[i] == '#';
}

/// Refuses text nested deeper than kMaxDepth. It tracks flow brackets outside
/// quoted scalars, and in block context the stack of indentation columns (each
/// leading "- " or "? " indicator opening one more level); block scalars are
/// skipped. It is an
/// estimate that errs on the high side; yaml-cpp's own recursion guard is the
/// backstop for text built to fool it. Fails with "SOURCE:LINE: is nested more
/// than ... levels deep; ...".
inline Status CheckShape(std::string_view text, const std::string& source) {
  std::vector<std::size_t> block;  // content columns of the open block-context nodes
  std::size_t flow = 0;            // open '[' / '{'
  char quote = 0;                  // '"' or '\'' while inside a quoted scalar
  // Indentation of the line that opened a | or > block scalar; kNoBlock outside one.
  // (A sentinel, not std::optional: GCC 12 -O2 misreports optional<size_t> here.)
  constexpr std::size_t kNoBlock = static_cast<std::size_t>(-1);
  std::size_t block_scalar = kNoBlock;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  auto too_deep = [&]() {
    return Status::Error(LineOf(source, line_no) + ": is nested more than " +
                         std::to_string(kMaxDepth) +
                         " levels deep; samlint refuses such declarations files");
  };
  while (pos < text.size()) {
    std::size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) {
      eol = text.size();
    }
    const std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;

    std::size_t indent = 0;
    while (indent < line.size() && line[indent] == ' ') {
      ++indent;
    }
    std::size_t first = indent;
    while (first < line.size() && IsBlank(line[first])) {
      ++first;
    }
    const bool blank = first == line.size() || line[first] == '#';

    std::size_t start = 0;
    if (quote == 0 && flow == 0) {
      if (block_scalar != kNoBlock) {
        if (blank || indent > block_scalar) {
          continue;
        }
        block_scalar = kNoBlock;
      }
      if (blank) {
        continue;
      }
      while (!block.empty() && block.back() >= indent) {
        block.pop_back();
      }
      block.push_back(indent);
      std::size_t i = indent;
      // "- - x" and "? x": each indicator opens a level on the same line.
      while (i < line.size() && (line[i] == '-' || line[i] == '?') &&
             (i + 1 == line.size() || IsBlank(line[i + 1]))) {
        ++i;
        while (i < line.size() && IsBlank(line[i])) {
          ++i;
        }
        if (i == line.size()) {
          break;
        }
        block.push_back(i);
      }
      if (block.size() > kMaxDepth) {
        return too_deep();
      }
      start = i;
    }

    for (std::size_t i = start; i < line.size(); ++i) {
      const char c = line[i];
      if (quote == '"') {
        if (c == '\\') {
          ++i;
        } else if (c == '"') {
          quote = 0;
        }
        continue;
      }
      if (quote == '\'') {
        if (c == '\'') {
          if (i + 1 < line.size() && line[i + 1] == '\'') {
            ++i;
          } else {
            quote = 0;
          }
        }
        continue;
      }
      const char prev = i == 0 ? ' ' : line[i - 1];
      // A quoted scalar or a flow collection can only begin where a node begins.
      const bool node_start = i == start || IsBlank(prev) || prev == '[' || prev == '{' ||
                              prev == ',' || (flow > 0 && prev == ':');
      if (c == '"' || c == '\'') {
        if (node_start) {
          quote = c;
        }
        continue;
      }
      if (c == '#' && IsBlank(prev)) {
        break;
      }
      if (c == '[' || c == '{') {
        if (flow > 0 || node_start) {
          ++flow;
          if (block.size() + flow > kMaxDepth) {
            return too_deep();
          }
        }
        continue;
      }
      if (c == ']' || c == '}') {
        if (flow > 0) {
          --flow;
        }
        continue;
      }
      if (flow > 0) {
        continue;
      }
      if ((c == '|' || c == '>') && node_start && IsBlockScalarHeader(line.substr(i + 1))) {
        block_scalar = indent;
        break;
      }
    }
  }
  return Status();
}

// ---------------------------------------------------------------------------
// The document tree.
//
// yaml-cpp's Parser reports events; TreeBuilder turns them into Values that
// keep each node's Mark. yaml-cpp's own YAML::LoadAll is not used: in 0.7 it
// loops forever, allocating, on a stray ',' at block level (yaml-cpp#1040,
// fixed after 0.7 by #1319), where this loop stops when a document makes no
// progress. Anchors are registered when their node ends, so an alias can never
// refer to a node that contains it: the tree has no cycles.
//
// An alias is the node it names, shared, never a copy: building is linear in
// the text. Readers may still walk a shared node once per alias, so the budget
// charges an alias with every value (and scalar byte) it stands for: what the
// readers can do is bounded by json-nodes and input-bytes however the aliases
// nest, as if the document had been written out without them.

struct Value {
  enum class Kind { kNull, kScalar, kSequence, kMap };
  Kind kind = Kind::kNull;
  std::string tag;   ///< "?" plain, "!" quoted, "!Ref", "tag:yaml.org,2002:int", ...
  std::string text;  ///< a scalar's value
  YAML::Mark mark;
  std::vector<const Value*> items;                           ///< a sequence's
  std::vector<std::pair<const Value*, const Value*>> pairs;  ///< a mapping's
  std::size_t weight = 1;        ///< values it stands for, with its children's
  std::size_t weight_bytes = 0;  ///< scalar bytes it stands for, likewise
};

/// What one input's documents may cost (json-nodes, input-bytes), and cost.
struct Budget {
  explicit Budget(const Limits& l) : limits(l) {}
  const Limits& limits;
  std::size_t values = 0;  ///< values read, an alias counted as what it stands for
  std::size_t bytes = 0;   ///< scalar bytes read, likewise
  std::size_t built = 0;   ///< Values built: what parsing cost
  std::string limit;       ///< the limit reached, else empty
};

/// Thrown by TreeBuilder when the budget is spent; the readers catch it and
/// report `what` with LimitHint's words.
struct LimitReached {
  std::string name;  ///< "json-nodes" or "input-bytes"
  std::string what;  ///< "holds more than 1000000 JSON or YAML values ..."
};

/// `a + b`, or the largest size_t when that overflows.
inline std::size_t SaturatingAdd(std::size_t a, std::size_t b) {
  return a > static_cast<std::size_t>(-1) - b ? static_cast<std::size_t>(-1) : a + b;
}

/// A node of a document; nullptr when absent.
using Node = const Value*;

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::deque<Value>& arena, Budget& budget) : arena_(arena), budget_(budget) {}

  Node Root() const { return root_; }
  const YAML::Mark& DocumentMark() const { return document_mark_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    root_ = nullptr;
    open_.clear();
    pending_key_.clear();
    anchors_.clear();
    document_mark_ = mark;
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Value* v = Make(Value::Kind::kNull, mark, "");
    Add(v);
    Register(anchor, v);
  }
  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    // An alias of a node still open (a cycle) reads as null.
    if (it == anchors_.end()) {
      Add(Make(Value::Kind::kNull, mark, ""));
      return;
    }
    Charge(it->second->weight, it->second->weight_bytes);
    Add(it->second);
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Value* v = Make(Value::Kind::kScalar, mark, tag);
    v->text = value;
    v->weight_bytes = value.size();
    Charge(0, value.size());
    Add(v);
    Register(anchor, v);
  }
  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value) override {
    Open(Make(Value::Kind::kSequence, mark, tag), anchor);
  }
  void OnSequenceEnd() override { Close(); }
  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value) override {
    Open(Make(Value::Kind::kMap, mark, tag), anchor);
  }
  void OnMapEnd() override { Close(); }

 private:
  struct OpenNode {
    Value* value;
    YAML::anchor_t anchor;
  };

  // Counts `values` and `bytes` against the budget; throws LimitReached when spent.
  void Charge(std::size_t values, std::size_t bytes) {
    budget_.values = SaturatingAdd(budget_.values, values);
    budget_.bytes = SaturatingAdd(budget_.bytes, bytes);
    ThrowIfOver(budget_.values, budget_.limits.json_nodes, "json-nodes",
                "JSON or YAML values (an alias counts as the values it stands for)");
    ThrowIfOver(budget_.bytes, budget_.limits.input_bytes, "input-bytes",
                "bytes of JSON or YAML scalars (an alias counts as the bytes it stands for)");
  }

  // Throws LimitReached for the limit `name` when `spent` exceeds `limit`;
  // `counted` says what was counted.
  void ThrowIfOver(std::size_t spent, std::size_t limit, const char* name, const char* counted) {
    if (spent <= limit) return;
    budget_.limit = name;
    throw LimitReached{budget_.limit, "holds more than " + std::to_string(limit) + " " + counted};
  }

  Value* Make(Value::Kind kind, const YAML::Mark& mark, const std::string& tag) {
    Charge(1, 0);
    ++budget_.built;
    Value& v = arena_.emplace_back();
    v.kind = kind;
    v.mark = mark;
    v.tag = tag;
    return &v;
  }

  void Add(Node v) {
    if (open_.empty()) {
      root_ = v;
      return;
    }
    Value* parent = open_.back().value;
    if (parent->kind == Value::Kind::kSequence) {
      parent->items.push_back(v);
    } else if (pending_key_.back() == nullptr) {
      pending_key_.back() = v;
    } else {
      parent->pairs.emplace_back(pending_key_.back(), v);
      pending_key_.back() = nullptr;
    }
  }

  void Open(Value* v, YAML::anchor_t anchor) {
    Add(v);
    open_.push_back({v, anchor});
    pending_key_.push_back(nullptr);
  }

  void Close() {
    if (open_.empty()) {
      return;
    }
    // The weights an alias of this node will be charged.
    Value* v = open_.back().value;
    auto add = [v](Node child) {
      v->weight = SaturatingAdd(v->weight, child->weight);
      v->weight_bytes = SaturatingAdd(v->weight_bytes, child->weight_bytes);
    };
    for (Node item : v->items) {
      add(item);
    }
    for (const auto& [key, value] : v->pairs) {
      add(key);
      add(value);
    }
    Register(open_.back().anchor, open_.back().value);
    open_.pop_back();
    pending_key_.pop_back();
  }

  void Register(YAML::anchor_t anchor, Node v) {
    if (anchor != YAML::NullAnchor) {
      anchors_[anchor] = v;
    }
  }

  std::deque<Value>& arena_;
  Budget& budget_;
  Node root_ = nullptr;
  YAML::Mark document_mark_;
  std::vector<OpenNode> open_;
  std::vector<Node> pending_key_;  ///< per open mapping: its key awaiting a value
  std::map<YAML::anchor_t, Node> anchors_;
};

inline bool IsMap(Node n) { return n != nullptr && n->kind == Value::Kind::kMap; }
inline bool IsSequence(Node n) { return n != nullptr && n->kind == Value::Kind::kSequence; }
inline bool IsScalar(Node n) { return n != nullptr && n->kind == Value::Kind::kScalar; }
inline bool IsNull(Node n) { return n == nullptr || n->kind == Value::Kind::kNull; }
inline YAML::Mark MarkOf(Node n) { return n != nullptr ? n->mark : YAML::Mark::null_mark(); }

inline const std::vector<Node>& Items(Node n) {
  static const std::vector<Node> none;
  return IsSequence(n) ? n->items : none;
}

inline const std::vector<std::pair<Node, Node>>& Pairs(Node n) {
  static const std::vector<std::pair<Node, Node>> none;
  return IsMap(n) ? n->pairs : none;
}

struct Entry {
  Node key;
  Node value;
};

inline std::optional<Entry> Find(Node map, std::string_view name) {
  for (const auto& [key, value] : Pairs(map)) {
    if (IsScalar(key) && key->text == name) {
      return Entry{key, value};
    }
  }
  return std::nullopt;
}

inline bool Has(Node map, std::string_view name) { return Find(map, name).has_value(); }

/// The value of `name` in `map`, or nullptr.
inline Node Get(Node map, std::string_view name) {
  std::optional<Entry> e = Find(map, name);
  return e ? e->value : nullptr;
}

/// Tags that leave a node's meaning alone: none, plain ("?"), quoted ("!") and
/// the YAML core schema's. Anything else is an application tag (!Ref, !If, ...).
inline bool IsCoreTag(const std::string& tag) {
  return tag.empty() || tag == "?" || tag == "!" || tag.starts_with("tag:yaml.org,2002:");
}

inline std::optional<std::string> Text(Node node) {
  if (!IsScalar(node) || !IsCoreTag(node->tag)) {
    return std::nullopt;
  }
  return node->text;
}

/// The text of `name` in `map` when it is a non-empty scalar.
inline std::optional<std::string> TextAt(Node map, std::string_view name) {
  std::optional<std::string> text = Text(Get(map, name));
  if (!text || text->empty()) {
    return std::nullopt;
  }
  return text;
}

inline bool IsTrue(Node node) {
  std::optional<std::string> text = Text(node);
  return text && *text == "true";
}

/// Parses every document of `text` (JSON or YAML) into `arena`, after
/// CheckShape; returns the non-null roots (pointing into `arena`), or fails
/// with a one-sentence error prefixed by `source`. At a limit of `budget` the
/// error ends with LimitHint's words and `budget.limit` names it. Never throws.
Result<std::vector<Node>> ParseDocuments(std::string_view text, const std::string& source,
                                         std::deque<Value>& arena, Budget& budget);

/// The error for a LimitReached thrown while reading `source`.
inline std::string LimitMessage(const std::string& source, const LimitReached& reached,
                                const Limits& limits) {
  return source + " " + reached.what + "; samlint stopped reading it at " +
         LimitHint(limits, reached.name) + ".";
}

}  // namespace samlint::doc_tree
