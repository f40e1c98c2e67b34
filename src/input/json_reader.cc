#include "input/json_reader.h"

#include <limits>

#include "input/text.h"

namespace samlint::input {
namespace {

// Counts values without building anything, and stops at the budget's limit.
class ValueCounter : public nlohmann::json_sax<Json> {
 public:
  explicit ValueCounter(JsonBudget& budget) : budget_(budget) {}

  bool null() override { return Count(); }
  bool boolean(bool /*value*/) override { return Count(); }
  bool number_integer(number_integer_t /*value*/) override { return Count(); }
  bool number_unsigned(number_unsigned_t /*value*/) override { return Count(); }
  bool number_float(number_float_t /*value*/, const string_t& /*text*/) override { return Count(); }
  bool string(string_t& /*value*/) override { return Count(); }
  bool binary(binary_t& /*value*/) override { return Count(); }
  bool start_object(std::size_t /*elements*/) override { return Count(); }
  bool key(string_t& /*name*/) override { return true; }
  bool end_object() override { return true; }
  bool start_array(std::size_t /*elements*/) override { return Count(); }
  bool end_array() override { return true; }
  bool parse_error(std::size_t /*position*/, const std::string& /*token*/,
                   const nlohmann::detail::exception& /*error*/) override {
    return false;
  }

 private:
  bool Count() {
    if (++budget_.used > budget_.limit) {
      budget_.exceeded = true;
      return false;
    }
    return true;
  }

  JsonBudget& budget_;
};

}  // namespace

bool NestedTooDeep(std::string_view text) {
  int depth = 0;
  bool in_string = false;
  bool escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped) {
        escaped = false;
      } else if (c == '\\') {
        escaped = true;
      } else if (c == '"' || c == '\n') {
        in_string = false;
      }
      continue;
    }
    if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      if (++depth > kMaxJsonDepth) {
        return true;
      }
    } else if ((c == '}' || c == ']') && depth > 0) {
      --depth;
    }
  }
  return false;
}

// The counting pass keeps memory proportional to what the limit allows,
// whatever the input holds.
bool ParseJson(std::string_view text, Json& out, JsonBudget& budget) {
  out = Json(Json::value_t::discarded);
  if (budget.exceeded) {
    return false;
  }
  ValueCounter counter(budget);
  if (!Json::sax_parse(text.begin(), text.end(), &counter)) {
    return false;
  }
  out = Json::parse(text.begin(), text.end(), nullptr, /*allow_exceptions=*/false);
  return !out.is_discarded();
}

const Json* Member(const Json* object, std::string_view name) {
  if (object == nullptr || !object->is_object()) {
    return nullptr;
  }
  const auto exact = object->find(std::string(name));
  if (exact != object->end()) {
    return &*exact;
  }
  for (auto it = object->begin(); it != object->end(); ++it) {
    if (EqualsNoCase(it.key(), name)) {
      return &it.value();
    }
  }
  return nullptr;
}

const Json* ObjectMember(const Json* object, std::string_view name) {
  const Json* value = Member(object, name);
  return value != nullptr && value->is_object() ? value : nullptr;
}

const Json* ArrayMember(const Json* object, std::string_view name) {
  const Json* value = Member(object, name);
  return value != nullptr && value->is_array() ? value : nullptr;
}

std::string StringOf(const Json* value) {
  return value != nullptr && value->is_string() ? value->get<std::string>() : std::string();
}

std::string StringMember(const Json* object, std::string_view name) {
  return StringOf(Member(object, name));
}

bool HasStringMember(const Json* object, std::string_view name) {
  const Json* value = Member(object, name);
  return value != nullptr && value->is_string();
}

std::optional<std::int64_t> DurationOf(const Json* value, std::string* text) {
  if (value == nullptr || value->is_null()) {
    return std::nullopt;
  }
  if (value->is_number_integer()) {
    if (value->is_number_unsigned()) {
      const auto u = value->get<std::uint64_t>();
      if (u <= static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
        return static_cast<std::int64_t>(u);
      }
    } else {
      return value->get<std::int64_t>();
    }
  } else if (value->is_number_float()) {
    const double d = value->get<double>();
    if (d >= -1e15 && d <= 1e15 && d == static_cast<double>(static_cast<std::int64_t>(d))) {
      return static_cast<std::int64_t>(d);
    }
  } else if (value->is_string()) {
    const std::string s = value->get<std::string>();
    if (auto parsed = ParseInteger(Trim(s))) {
      return parsed;
    }
    if (text != nullptr) {
      *text = s;
    }
    return std::nullopt;
  }
  if (text != nullptr) {
    *text = value->dump();
  }
  return std::nullopt;
}

// Recursion depth is bounded by NestedTooDeep before parsing.
std::string FindStringAnywhere(const Json& value, std::string_view lower_name) {
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (it.value().is_string() && Lowercase(it.key()) == lower_name) {
        return it.value().get<std::string>();
      }
    }
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (it.value().is_structured()) {
        std::string found = FindStringAnywhere(it.value(), lower_name);
        if (!found.empty()) {
          return found;
        }
      }
    }
  } else if (value.is_array()) {
    for (const Json& element : value) {
      std::string found = FindStringAnywhere(element, lower_name);
      if (!found.empty()) {
        return found;
      }
    }
  }
  return {};
}

}  // namespace samlint::input
