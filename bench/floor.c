/* The floor: the least a program must do to verify N signed SAML responses in
 * one process with libxml2 + libxmlsec1-openssl, the row "key loaded once,
 * lent to each verify" of ../shared/bench/peers.md. tools/bench.sh compares
 * samlint's throughput, latency and memory with this program's.
 *
 *   samlint_floor CERT.pem PATH...   PATH: a response, or a directory of them
 *
 * For each file: one read, libxml2 parse, ID attributes registered (xmlSecAddIDs,
 * so the Reference URI="#_..." resolves to the Assertion or Response that
 * carries it), the first ds:Signature in document order verified with the
 * certificate's key. Prints "verified V failed F" and exits 0 when F is 0.
 * Nothing else: no facts, no report. */
#include <dirent.h>
#include <fcntl.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <xmlsec/crypto.h>
#include <xmlsec/xmldsig.h>
#include <xmlsec/xmlsec.h>
#include <xmlsec/xmltree.h>

typedef struct {
  xmlSecKeyPtr key; /* loaded once, lent to every signature context */
  char* buffer;     /* grows to the largest file read */
  size_t capacity;
  unsigned long verified;
  unsigned long failed;
} Floor;

static void IgnoreXmlError(void* context, const char* format, ...) {
  (void)context;
  (void)format;
}

/* Reads `path` into floor->buffer; returns its size, or -1. */
static long ReadFile(Floor* floor, const char* path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return -1;
  struct stat st;
  if (fstat(fd, &st) != 0 || st.st_size < 0) {
    close(fd);
    return -1;
  }
  size_t size = (size_t)st.st_size;
  if (size + 1 > floor->capacity) {
    char* grown = realloc(floor->buffer, size + 1);
    if (grown == NULL) {
      close(fd);
      return -1;
    }
    floor->buffer = grown;
    floor->capacity = size + 1;
  }
  size_t done = 0;
  while (done < size) {
    ssize_t n = read(fd, floor->buffer + done, size - done);
    if (n <= 0) break;
    done += (size_t)n;
  }
  close(fd);
  return done == size ? (long)size : -1;
}

static int VerifyDocument(Floor* floor, const char* bytes, int size) {
  static const xmlChar* kIdAttributes[] = {BAD_CAST "ID", NULL};
  int ok = 0;
  xmlDocPtr doc = xmlReadMemory(bytes, size, "response.xml", NULL,
                                XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  if (doc == NULL) return 0;
  xmlNodePtr root = xmlDocGetRootElement(doc);
  if (root != NULL) {
    xmlSecAddIDs(doc, root, kIdAttributes);
    xmlNodePtr signature = xmlSecFindNode(root, xmlSecNodeSignature, xmlSecDSigNs);
    xmlSecDSigCtx ctx;
    if (signature != NULL && xmlSecDSigCtxInitialize(&ctx, NULL) == 0) {
      ctx.signKey = floor->key;
      if (xmlSecDSigCtxVerify(&ctx, signature) == 0 && ctx.status == xmlSecDSigStatusSucceeded) {
        ok = 1;
      }
      ctx.signKey = NULL; /* lent, not given: the context must not destroy it */
      xmlSecDSigCtxFinalize(&ctx);
    }
  }
  xmlFreeDoc(doc);
  return ok;
}

static void VerifyFile(Floor* floor, const char* path) {
  long size = ReadFile(floor, path);
  if (size >= 0 && size <= 0x7fffffff && VerifyDocument(floor, floor->buffer, (int)size)) {
    floor->verified++;
  } else {
    floor->failed++;
  }
}

static void VerifyPath(Floor* floor, const char* path) {
  struct stat st;
  if (stat(path, &st) != 0) {
    floor->failed++;
    return;
  }
  if (!S_ISDIR(st.st_mode)) {
    VerifyFile(floor, path);
    return;
  }
  DIR* dir = opendir(path);
  if (dir == NULL) {
    floor->failed++;
    return;
  }
  size_t prefix = strlen(path);
  char* file = NULL;
  size_t file_capacity = 0;
  struct dirent* entry;
  while ((entry = readdir(dir)) != NULL) {
    if (entry->d_name[0] == '.') continue;
    size_t need = prefix + 1 + strlen(entry->d_name) + 1;
    if (need > file_capacity) {
      char* grown = realloc(file, need);
      if (grown == NULL) break;
      file = grown;
      file_capacity = need;
    }
    snprintf(file, need, "%s/%s", path, entry->d_name);
    /* One level only, like the benchmark's directories; d_type saves a stat. */
    if (entry->d_type == DT_DIR) continue;
    VerifyFile(floor, file);
  }
  free(file);
  closedir(dir);
}

int main(int argc, char** argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s CERT.pem PATH...\n", argv[0]);
    return 2;
  }
  xmlInitParser();
  xmlSetGenericErrorFunc(NULL, IgnoreXmlError);
  if (xmlSecInit() < 0 || xmlSecCryptoAppInit(NULL) < 0 || xmlSecCryptoInit() < 0) {
    fprintf(stderr, "floor: xmlsec could not start\n");
    return 2;
  }
  Floor floor = {NULL, NULL, 0, 0, 0};
  floor.key = xmlSecCryptoAppKeyLoad(argv[1], xmlSecKeyDataFormatCertPem, NULL, NULL, NULL);
  if (floor.key == NULL) {
    fprintf(stderr, "floor: could not load the certificate %s\n", argv[1]);
    return 2;
  }
  for (int i = 2; i < argc; i++) VerifyPath(&floor, argv[i]);
  printf("verified %lu failed %lu\n", floor.verified, floor.failed);
  free(floor.buffer);
  xmlSecKeyDestroy(floor.key);
  xmlSecCryptoShutdown();
  xmlSecCryptoAppShutdown();
  xmlSecShutdown();
  xmlCleanupParser();
  return floor.failed == 0 ? 0 : 1;
}
