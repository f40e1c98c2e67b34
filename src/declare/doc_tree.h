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

namespace samlint::doc_tree {

/// Documents nested deeper than this are refused before yaml-cpp, whose parser
/// recurses once per level, sees them. Real declarations nest about 12 deep.
inline constexpr std::size_t kMaxDepth = 200;
/// Each value costs a few hundred bytes once parsed: refuse documents whose
/// value count (estimated from the text) would need gigabytes.
inline constexpr std::size_t kMaxValues = 4'000'000;

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
// The shape check: a cheap scan that bounds nesting depth and value count
// before yaml-cpp parses the text.

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

/// Refuses text nested deeper than kMaxDepth or holding more than about
/// kMaxValues values. It tracks flow brackets outside quoted scalars, and in
/// block context the stack of indentation columns (each leading "- " or "? "
/// indicator opening one more level); block scalars are skipped. It is an
/// estimate that errs on the high side; yaml-cpp's own recursion guard is the
/// backstop for text built to fool it.
inline std::optional<std::string> CheckShape(std::string_view text, const std::string& source) {
  std::vector<std::size_t> block;  // content columns of the open block-context nodes
  std::size_t flow = 0;            // open '[' / '{'
  char quote = 0;                  // '"' or '\'' while inside a quoted scalar
  // Indentation of the line that opened a | or > block scalar; kNoBlock outside one.
  // (A sentinel, not std::optional: GCC 12 -O2 misreports optional<size_t> here.)
  constexpr std::size_t kNoBlock = static_cast<std::size_t>(-1);
  std::size_t block_scalar = kNoBlock;
  std::size_t values = 0;
  std::size_t line_no = 0;
  std::size_t pos = 0;
  auto too_deep = [&]() {
    return LineOf(source, line_no) + ": is nested more than " + std::to_string(kMaxDepth) +
           " levels deep; samlint refuses such declarations files";
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
        ++values;
      }
      if (block.size() > kMaxDepth) {
        return too_deep();
      }
      values += 2;
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
          values += 2;
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
        if (c == ',') {
          values += 2;
        }
        continue;
      }
      if ((c == '|' || c == '>') && node_start && IsBlockScalarHeader(line.substr(i + 1))) {
        block_scalar = indent;
        break;
      }
    }
    if (values > kMaxValues) {
      return source + " holds more than " + std::to_string(kMaxValues) +
             " values; samlint refuses declarations files that large";
    }
  }
  return std::nullopt;
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

struct Value {
  enum class Kind { kNull, kScalar, kSequence, kMap };
  Kind kind = Kind::kNull;
  std::string tag;   ///< "?" plain, "!" quoted, "!Ref", "tag:yaml.org,2002:int", ...
  std::string text;  ///< a scalar's value
  YAML::Mark mark;
  std::vector<const Value*> items;                           ///< a sequence's
  std::vector<std::pair<const Value*, const Value*>> pairs;  ///< a mapping's
};

/// A node of a document; nullptr when absent.
using Node = const Value*;

class TreeBuilder : public YAML::EventHandler {
 public:
  explicit TreeBuilder(std::deque<Value>& arena) : arena_(arena) {}

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
    Add(it != anchors_.end() ? it->second : Make(Value::Kind::kNull, mark, ""));
  }
  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    Value* v = Make(Value::Kind::kScalar, mark, tag);
    v->text = value;
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

  Value* Make(Value::Kind kind, const YAML::Mark& mark, const std::string& tag) {
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
/// CheckShape; returns the non-null roots, or a one-sentence error
/// prefixed by `source`. Never throws.
std::optional<std::string> ParseDocuments(std::string_view text, const std::string& source,
                                          std::deque<Value>& arena, std::vector<Node>& roots);

}  // namespace samlint::doc_tree
