// Certificates and keys through OpenSSL, each handle owned by a unique_ptr.
#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <cstdio>
#include <ctime>
#include <memory>
#include <pugixml.hpp>

#include "base/codec.h"
#include "base/file.h"
#include "base/free_with.h"
#include "base/xml_namespaces.h"
#include "samlint/trust.h"
#include "trust/anchor_key.h"

namespace samlint {
namespace {

using BioPtr = std::unique_ptr<BIO, FreeWith<BIO_free>>;
using X509Ptr = std::unique_ptr<X509, FreeWith<X509_free>>;
using PkeyPtr = std::unique_ptr<EVP_PKEY, FreeWith<EVP_PKEY_free>>;

// Certificates, metadata and keys are small; a larger file is none of them.
constexpr std::size_t kMaxAnchorFileBytes = std::size_t{1} << 22;

Result<std::string> ReadAnchorFile(const std::string& path) {
  Result<LimitedBytes> read = ReadFileUpTo(path, kMaxAnchorFileBytes);
  if (!read.ok()) {
    // A directory has always read as an empty file here, and so gets the
    // message of a file that holds no certificate or key.
    if (read.status().code() == StatusCode::kIsDirectory) return std::string();
    return Status::Error("cannot read " + path, read.status().code());
  }
  if (read->Exceeds(kMaxAnchorFileBytes)) {
    return Status::Error(path + " is larger than 4 MiB; it is not a certificate or key file");
  }
  return std::move(read->bytes);
}

std::optional<Timestamp> AsnTime(const ASN1_TIME* t) {
  if (t == nullptr) return std::nullopt;
  struct tm tm_value {};
  if (ASN1_TIME_to_tm(t, &tm_value) != 1) return std::nullopt;
  char buf[96];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", tm_value.tm_year + 1900,
                tm_value.tm_mon + 1, tm_value.tm_mday, tm_value.tm_hour, tm_value.tm_min,
                tm_value.tm_sec);
  return ParseDateTime(buf);
}

std::string Sha256Fingerprint(const unsigned char* data, std::size_t size) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int md_len = 0;
  if (EVP_Digest(data, size, md, &md_len, EVP_sha256(), nullptr) != 1) return {};
  return "sha256:" + HexLower(std::string_view(reinterpret_cast<const char*>(md), md_len));
}

// The key's identity whatever file form it came in: the SHA-256 of its DER
// SubjectPublicKeyInfo (what `openssl pkey -pubin -outform DER | sha256sum` gives).
std::string SpkiFingerprint(EVP_PKEY* key) {
  unsigned char* spki = nullptr;
  int len = i2d_PUBKEY(key, &spki);
  if (len <= 0) return {};
  std::string out = Sha256Fingerprint(spki, static_cast<std::size_t>(len));
  OPENSSL_free(spki);
  return out;
}

// Takes its own reference to `key`.
void SetKey(EVP_PKEY* key, TrustAnchor& a) {
  if (EVP_PKEY_up_ref(key) == 1) a.key = std::make_shared<const AnchorKey>(key);
  a.key_fingerprint = SpkiFingerprint(key);
  a.key_bits = EVP_PKEY_get_bits(key);
  int id = EVP_PKEY_get_base_id(key);
  a.key_type = id == EVP_PKEY_RSA   ? "rsa"
               : id == EVP_PKEY_EC  ? "ec"
               : id == EVP_PKEY_DSA ? "dsa"
                                    : "other";
}

std::optional<TrustAnchor> FromX509(X509* cert, std::string source) {
  TrustAnchor a;
  int len = i2d_X509(cert, nullptr);
  if (len <= 0) return std::nullopt;
  a.der.resize(static_cast<std::size_t>(len));
  auto* p = reinterpret_cast<unsigned char*>(a.der.data());
  i2d_X509(cert, &p);
  a.fingerprint =
      Sha256Fingerprint(reinterpret_cast<const unsigned char*>(a.der.data()), a.der.size());
  char subject[256];
  X509_NAME_oneline(X509_get_subject_name(cert), subject, sizeof subject);
  a.subject = subject;
  a.not_before = AsnTime(X509_get0_notBefore(cert));
  a.not_after = AsnTime(X509_get0_notAfter(cert));
  if (EVP_PKEY* key = X509_get0_pubkey(cert)) SetKey(key, a);
  a.source = std::move(source);
  return a;
}

// A bare key has no certificate: no DER, subject or dates, and it is known by
// its SubjectPublicKeyInfo fingerprint.
std::optional<TrustAnchor> FromPublicKey(EVP_PKEY* key, std::string source) {
  TrustAnchor a;
  SetKey(key, a);
  if (!a.key || a.key_fingerprint.empty()) return std::nullopt;
  a.fingerprint = a.key_fingerprint;
  a.source = std::move(source);
  return a;
}

// PEM blocks, DER, or the bare base64 body of a certificate (as metadata and
// many IdP consoles show it).
std::vector<X509Ptr> ParseCertificates(std::string_view bytes) {
  std::vector<X509Ptr> certs;
  if (bytes.find("-----BEGIN") != std::string_view::npos) {
    BioPtr bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
    while (X509* x = PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr)) certs.emplace_back(x);
    ERR_clear_error();
    return certs;
  }
  std::string der;
  if (!DecodeBase64(bytes, der)) der = std::string(bytes);
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  if (X509* x = d2i_X509(nullptr, &p, static_cast<long>(der.size()))) certs.emplace_back(x);
  ERR_clear_error();
  return certs;
}

void AddAnchor(std::optional<TrustAnchor> anchor, std::vector<TrustAnchor>& out) {
  if (anchor) out.push_back(std::move(*anchor));
}

// What --cert reads: certificates and bare public keys, as PEM blocks (other
// blocks skipped), or one DER certificate or SubjectPublicKeyInfo (also as
// bare base64). `unparsable` names a PEM block of an accepted kind whose
// contents OpenSSL refused.
std::vector<TrustAnchor> ParseAnchorFile(std::string_view bytes, const std::string& source,
                                         std::string& unparsable) {
  std::vector<TrustAnchor> anchors;
  if (bytes.find("-----BEGIN") != std::string_view::npos) {
    BioPtr bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
    for (;;) {
      char* name = nullptr;
      char* header = nullptr;
      unsigned char* data = nullptr;
      long len = 0;
      if (PEM_read_bio(bio.get(), &name, &header, &data, &len) != 1) break;
      const std::string_view kind = name;
      const unsigned char* p = data;
      bool accepted = true;
      bool parsed = false;
      if (kind == PEM_STRING_X509 || kind == PEM_STRING_X509_OLD) {
        X509Ptr cert(d2i_X509(nullptr, &p, len));
        if ((parsed = cert != nullptr)) AddAnchor(FromX509(cert.get(), source), anchors);
      } else if (kind == PEM_STRING_PUBLIC) {
        PkeyPtr key(d2i_PUBKEY(nullptr, &p, len));
        if ((parsed = key != nullptr)) AddAnchor(FromPublicKey(key.get(), source), anchors);
      } else if (kind == PEM_STRING_RSA_PUBLIC) {
        PkeyPtr key(d2i_PublicKey(EVP_PKEY_RSA, nullptr, &p, len));
        if ((parsed = key != nullptr)) AddAnchor(FromPublicKey(key.get(), source), anchors);
      } else {
        accepted = false;
      }
      if (accepted && !parsed && unparsable.empty()) unparsable = std::string(kind);
      OPENSSL_free(name);
      OPENSSL_free(header);
      OPENSSL_free(data);
    }
    ERR_clear_error();  // the loop ends on "no start line"
    return anchors;
  }
  std::string der;
  if (!DecodeBase64(bytes, der)) der = std::string(bytes);
  const auto* p = reinterpret_cast<const unsigned char*>(der.data());
  const long len = static_cast<long>(der.size());
  if (X509Ptr cert{d2i_X509(nullptr, &p, len)}) {
    AddAnchor(FromX509(cert.get(), source), anchors);
  } else {
    p = reinterpret_cast<const unsigned char*>(der.data());
    if (PkeyPtr key{d2i_PUBKEY(nullptr, &p, len)})
      AddAnchor(FromPublicKey(key.get(), source), anchors);
  }
  ERR_clear_error();
  return anchors;
}

}  // namespace

Result<TrustAnchor> ParseCertificate(std::string_view bytes, std::string source) {
  auto certs = ParseCertificates(bytes);
  std::optional<TrustAnchor> anchor;
  if (!certs.empty()) anchor = FromX509(certs.front().get(), source);
  if (!anchor) return Status::Error("no X.509 certificate (PEM or DER) in " + source);
  return std::move(*anchor);
}

Status AddCertificateFile(const std::string& path, TrustStore& store) {
  Result<std::string> read = ReadAnchorFile(path);
  if (!read.ok()) return read.status();
  const std::string& bytes = *read;
  std::string unparsable;
  std::vector<TrustAnchor> anchors = ParseAnchorFile(bytes, path, unparsable);
  if (anchors.empty()) {
    return Status::Error(
        (unparsable.empty() ? "no certificate or public key in " + path
                            : "the " + unparsable + " block in " + path + " is malformed") +
        "; accepted: an X.509 certificate (PEM or DER), a public key (PEM \"BEGIN PUBLIC "
        "KEY\" or DER SubjectPublicKeyInfo) or an RSA public key (PEM \"BEGIN RSA PUBLIC "
        "KEY\")");
  }
  for (TrustAnchor& a : anchors) store.anchors.push_back(std::move(a));
  return Status();
}

Status AddMetadataFile(const std::string& path, TrustStore& store) {
  Result<std::string> read = ReadAnchorFile(path);
  if (!read.ok()) return read.status();
  const std::string& bytes = *read;
  pugi::xml_document doc;
  auto parsed = doc.load_buffer(bytes.data(), bytes.size(),
                                pugi::parse_default | pugi::parse_doctype, pugi::encoding_utf8);
  for (pugi::xml_node c = doc.first_child(); c; c = c.next_sibling()) {
    if (c.type() == pugi::node_doctype)
      return Status::Error(path + " has a DOCTYPE; metadata with a DTD is refused");
  }
  if (!parsed) return Status::Error(path + " is not well-formed XML: " + parsed.description());
  // Namespace URIs are checked on the way; prefixes vary between IdPs.
  constexpr std::string_view kMd = "urn:oasis:names:tc:SAML:2.0:metadata";
  auto ns_of = [](pugi::xml_node n) -> std::string {
    std::string name = n.name();
    auto colon = name.find(':');
    std::string attr = colon == std::string::npos ? "xmlns" : "xmlns:" + name.substr(0, colon);
    for (pugi::xml_node p = n; p && p.type() == pugi::node_element; p = p.parent()) {
      if (auto a = p.attribute(attr.c_str())) return a.value();
    }
    return {};
  };
  auto local = [](pugi::xml_node n) {
    std::string_view name = n.name();
    auto colon = name.find(':');
    return colon == std::string_view::npos ? name : name.substr(colon + 1);
  };
  pugi::xml_node entity = doc.document_element();
  if (local(entity) == "EntitiesDescriptor") {
    for (pugi::xml_node c = entity.first_child(); c; c = c.next_sibling()) {
      if (local(c) == "EntityDescriptor" && ns_of(c) == kMd) {
        entity = c;
        break;
      }
    }
  }
  if (local(entity) != "EntityDescriptor" || ns_of(entity) != kMd) {
    return Status::Error(path + " is not SAML metadata (no md:EntityDescriptor)");
  }
  store.entity_id = entity.attribute("entityID").value();
  store.metadata_source = path;
  std::size_t before = store.anchors.size();
  for (pugi::xml_node role = entity.first_child(); role; role = role.next_sibling()) {
    if (local(role) != "IDPSSODescriptor" || ns_of(role) != kMd) continue;
    for (pugi::xml_node kd = role.first_child(); kd; kd = kd.next_sibling()) {
      if (local(kd) != "KeyDescriptor" || ns_of(kd) != kMd) continue;
      std::string_view use = kd.attribute("use").value();
      if (!use.empty() && use != "signing") continue;
      for (pugi::xpath_node x : kd.select_nodes(".//*[local-name()='X509Certificate']")) {
        if (ns_of(x.node()) != kDsigNs) continue;
        Result<TrustAnchor> anchor = ParseCertificate(x.node().child_value(), path);
        if (anchor.ok()) store.anchors.push_back(std::move(anchor).value());
      }
    }
  }
  if (store.anchors.size() == before) {
    return Status::Error(path +
                         " has no IDPSSODescriptor signing certificate "
                         "(KeyDescriptor/ds:X509Certificate)");
  }
  return Status();
}

Result<SpKey> LoadSpKey(const std::string& path) {
  Result<std::string> read = ReadAnchorFile(path);
  if (!read.ok()) return read.status();
  std::string& bytes = *read;
  BioPtr bio(BIO_new_mem_buf(bytes.data(), static_cast<int>(bytes.size())));
  PkeyPtr pkey(PEM_read_bio_PrivateKey(bio.get(), nullptr, nullptr, nullptr));
  if (!pkey) {
    const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
    pkey.reset(d2i_AutoPrivateKey(nullptr, &p, static_cast<long>(bytes.size())));
    if (!pkey) return Status::Error("no unencrypted private key (PEM or DER) in " + path);
    // Keep one format downstream: re-encode as PEM.
    BioPtr out(BIO_new(BIO_s_mem()));
    PEM_write_bio_PrivateKey(out.get(), pkey.get(), nullptr, nullptr, 0, nullptr, nullptr);
    char* data = nullptr;
    long len = BIO_get_mem_data(out.get(), &data);
    bytes.assign(data, static_cast<std::size_t>(len));
  }
  SpKey key;
  key.pem = std::move(bytes);
  key.source = path;
  return key;
}

}  // namespace samlint
