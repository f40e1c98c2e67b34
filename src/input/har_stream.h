// A HAR capture too large to hold (browser exports of hundreds of megabytes)
// read as a stream: only the entries that POST a SAMLResponse are kept.
// Internal.
#pragma once

#include <istream>
#include <optional>
#include <string>

#include "input/artifact_part.h"
#include "samlint/limits.h"

namespace samlint::input {

/// Reads a HAR capture ({"log":{"entries":[...]}}) from `in` in one pass,
/// holding one entry's request fields at a time (startedDateTime and
/// request.method, .url, .postData), never a response body: the parts are
/// those SplitHar finds, with the same pointers. Memory is bounded by the
/// largest single JSON string and the parts kept. json-nodes bounds the
/// values kept; a postData above input-bytes is not kept (it cannot be a
/// SAMLResponse the clouds accept). nullopt when the stream is not a HAR
/// capture (its top level is not an object with a log.entries array); a
/// SplitInput with `error` when it is not valid JSON.
std::optional<SplitInput> StreamHar(std::istream& in, const Limits& limits);

/// StreamHar on the file at `path`; nullopt also when it cannot be opened.
std::optional<SplitInput> StreamHarFile(const std::string& path, const Limits& limits);

}  // namespace samlint::input
