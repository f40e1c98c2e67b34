# samlint as a container image: Debian 12 and Debian's packages, nothing else.
#
#   docker build -t samlint .
#   docker run --rm -v "$PWD:/work" samlint check idp/
#
# The build stage makes the .deb the way a release does (README § Install);
# the image installs it with apt, which brings the shared libraries it depends
# on (libxml2, xmlsec1, OpenSSL) from Debian. tests/package runs the final
# stage's instructions in a clean Debian 12 root (debootstrap) with the .deb
# the test suite built, then runs the entrypoint.

FROM debian:bookworm-slim AS build
COPY . /src
WORKDIR /src
RUN bash tools/install-deps.sh --package
RUN cmake --preset install \
 && cmake --build --preset install \
 && cpack --config build/install/CPackConfig.cmake -B /deb

FROM debian:bookworm-slim
ARG DEBIAN_FRONTEND=noninteractive
COPY --from=build /deb/samlint_*.deb /tmp/
RUN apt-get update \
 && apt-get install -y --no-install-recommends /tmp/samlint_*.deb \
 && rm -rf /var/lib/apt/lists/* /tmp/samlint_*.deb
# The directory `docker run -v "$PWD:/work"` mounts: paths in reports are relative to it.
WORKDIR /work
ENTRYPOINT ["samlint"]
CMD ["--help"]
