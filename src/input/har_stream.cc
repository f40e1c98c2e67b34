#include "input/har_stream.h"

#include <cstddef>
#include <cstdint>
#include <fstream>
#include <string>
#include <utility>
#include <vector>

#include "base/strings.h"
#include "input/capture.h"
#include "input/json_reader.h"
#include "samlint/limits.h"

namespace samlint::input {
namespace {

// Where a value sits, as far as a HAR capture is concerned.
enum class Place {
  kSkip,     // not needed: parsed and dropped
  kRoot,     // the top-level object
  kLog,      // /log
  kEntries,  // /log/entries
  kEntry,    // /log/entries/i: kept while it is read
  kRequest,  // /log/entries/i/request
  kKeepAll,  // /log/entries/i/request/postData and below
};

struct Frame {
  Place place = Place::kSkip;
  bool is_array = false;
  std::string key;             // objects: the key of the value being read
  std::size_t next_index = 0;  // arrays: the index of the next element
  Json* node = nullptr;        // the kept copy, when kept
};

// A SAX consumer that keeps only what HarEntryPart reads, one entry at a time.
class HarFilter : public nlohmann::json_sax<Json> {
 public:
  explicit HarFilter(const Limits& limits) : limits_(limits) { result_.kind = "har"; }

  bool null() override { return Scalar(Json(nullptr)); }
  bool boolean(bool value) override { return Scalar(Json(value)); }
  bool number_integer(number_integer_t value) override { return Scalar(Json(value)); }
  bool number_unsigned(number_unsigned_t value) override { return Scalar(Json(value)); }
  bool number_float(number_float_t value, const string_t&) override { return Scalar(Json(value)); }
  bool string(string_t& value) override {
    Json* parent = KeptParent(/*container=*/false);
    if (parent == nullptr) return Continue();
    entry_bytes_ += value.size();
    if (entry_bytes_ > limits_.input_bytes) {
      entry_too_large_ = true;
      return Continue();
    }
    return Insert(*parent, Json(std::move(value)));
  }
  bool binary(binary_t&) override { return Scalar(Json(nullptr)); }

  bool start_object(std::size_t) override { return Open(/*is_array=*/false); }
  bool end_object() override { return Close(); }
  bool start_array(std::size_t) override { return Open(/*is_array=*/true); }
  bool end_array() override { return Close(); }

  bool key(string_t& value) override {
    if (!frames_.empty()) frames_.back().key = std::move(value);
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const Json::exception&) override {
    error_position_ = position;
    failed_ = true;
    return false;
  }

  bool not_har() const { return not_har_; }
  bool failed() const { return failed_; }
  bool exceeded() const { return exceeded_; }
  bool saw_entries() const { return saw_entries_; }
  std::size_t error_position() const { return error_position_; }
  SplitInput& result() { return result_; }

 private:
  static bool Continue() { return true; }

  // The place of the value about to be read, from its parent's place and key.
  Place ChildPlace(bool is_container, bool is_array) {
    if (frames_.empty()) {
      if (is_container && !is_array) return Place::kRoot;
      not_har_ = true;  // a top-level array or scalar is no HAR capture
      return Place::kSkip;
    }
    const Frame& parent = frames_.back();
    switch (parent.place) {
      case Place::kRoot:
        return is_container && !is_array && EqualsNoCase(parent.key, "log") ? Place::kLog
                                                                            : Place::kSkip;
      case Place::kLog:
        return is_array && EqualsNoCase(parent.key, "entries") ? Place::kEntries : Place::kSkip;
      case Place::kEntries:
        return is_container && !is_array ? Place::kEntry : Place::kSkip;
      case Place::kEntry:
        if (entry_too_large_) return Place::kSkip;
        if (EqualsNoCase(parent.key, "request")) {
          return is_container && !is_array ? Place::kRequest : Place::kSkip;
        }
        return !is_container && EqualsNoCase(parent.key, "startedDateTime") ? Place::kKeepAll
                                                                            : Place::kSkip;
      case Place::kRequest:
        if (entry_too_large_) return Place::kSkip;
        if (EqualsNoCase(parent.key, "postData")) return Place::kKeepAll;
        return !is_container &&
                       (EqualsNoCase(parent.key, "method") || EqualsNoCase(parent.key, "url"))
                   ? Place::kKeepAll
                   : Place::kSkip;
      case Place::kKeepAll:
        return entry_too_large_ ? Place::kSkip : Place::kKeepAll;
      case Place::kSkip:
        break;
    }
    return Place::kSkip;
  }

  // The kept node a scalar goes into, or null when it is not kept.
  Json* KeptParent(bool container) {
    const Place place = ChildPlace(container, false);
    if (!frames_.empty() && frames_.back().is_array) ++frames_.back().next_index;
    if (place != Place::kKeepAll || frames_.empty() || frames_.back().node == nullptr) {
      return nullptr;
    }
    return frames_.back().node;
  }

  bool Insert(Json& parent, Json value) {
    if (++kept_values_ > limits_.json_nodes) {
      exceeded_ = true;
      return false;
    }
    if (parent.is_array()) {
      parent.push_back(std::move(value));
    } else {
      parent[frames_.back().key] = std::move(value);
    }
    return true;
  }

  bool Scalar(Json value) {
    Json* parent = KeptParent(/*container=*/false);
    if (parent == nullptr) return Continue();
    return Insert(*parent, std::move(value));
  }

  bool Open(bool is_array) {
    const Place place = ChildPlace(/*is_container=*/true, is_array);
    if (not_har_) return false;
    Frame frame;
    frame.place = place;
    frame.is_array = is_array;
    std::size_t index = 0;
    if (!frames_.empty() && frames_.back().is_array) index = frames_.back().next_index++;
    switch (place) {
      case Place::kEntries:
        saw_entries_ = true;
        break;
      case Place::kEntry:
        entry_ = Json::object();
        entry_index_ = index;
        entry_bytes_ = 0;
        entry_too_large_ = false;
        frame.node = &entry_;
        break;
      case Place::kRequest:
      case Place::kKeepAll: {
        Json* parent = frames_.back().node;
        if (parent == nullptr) {
          frame.place = Place::kSkip;
          break;
        }
        if (!Insert(*parent, is_array ? Json::array() : Json::object())) return false;
        frame.node = parent->is_array() ? &parent->back() : &(*parent)[frames_.back().key];
        break;
      }
      default:
        break;
    }
    frames_.push_back(std::move(frame));
    return true;
  }

  bool Close() {
    if (frames_.empty()) return true;
    const Place place = frames_.back().place;
    frames_.pop_back();
    if (place == Place::kEntry) {
      if (!entry_too_large_) {
        if (std::optional<ArtifactPart> part = HarEntryPart(entry_, entry_index_)) {
          result_.parts.push_back(std::move(*part));
        }
      }
      entry_ = Json();
      kept_values_ = 0;  // json-nodes bounds what one entry keeps
    }
    return true;
  }

  const Limits& limits_;
  std::vector<Frame> frames_;
  Json entry_;
  std::size_t entry_index_ = 0;
  std::size_t entry_bytes_ = 0;
  bool entry_too_large_ = false;
  std::size_t kept_values_ = 0;
  bool not_har_ = false;
  bool failed_ = false;
  bool exceeded_ = false;
  bool saw_entries_ = false;
  std::size_t error_position_ = 0;
  SplitInput result_;
};

}  // namespace

std::optional<SplitInput> StreamHar(std::istream& in, const Limits& limits) {
  HarFilter filter(limits);
  try {
    Json::sax_parse(in, &filter, Json::input_format_t::json, /*strict=*/true);
  } catch (const std::exception&) {
    return std::nullopt;
  }
  if (filter.not_har()) return std::nullopt;
  if (filter.exceeded()) {
    SplitInput r;
    r.error = "The capture's kept entries hold more than " + std::to_string(limits.json_nodes) +
              " JSON values; samlint stopped reading it at " + LimitHint(limits, "json-nodes") +
              ".";
    r.limit = "json-nodes";
    return r;
  }
  if (filter.failed()) {
    if (!filter.saw_entries()) return std::nullopt;
    SplitInput r;
    r.error = "the HAR capture is not valid JSON at byte " +
              std::to_string(filter.error_position()) + "; it may be truncated";
    return r;
  }
  if (!filter.saw_entries()) return std::nullopt;
  SplitInput result = std::move(filter.result());
  if (result.parts.empty()) result.error = kHarWithoutSaml;
  return result;
}

std::optional<SplitInput> StreamHarFile(const std::string& path, const Limits& limits) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  return StreamHar(in, limits);
}

}  // namespace samlint::input
