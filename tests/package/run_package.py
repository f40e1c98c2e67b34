#!/usr/bin/env python3
"""Installs samlint the ways README § Install gives, and runs what got installed.

Usage: run_package.py install BUILD_DIR
       run_package.py deb BUILD_DIR CACHE_DIR
       run_package.py quickstart BUILD_DIR CACHE_DIR   (before a release: docs/release.md)

install: `cmake --install BUILD_DIR --prefix TMP` into a temporary prefix; the
installed binary, found as `samlint` on PATH, prints the project version and
the bundled example's report byte for byte as the built binary does, and the
README and LICENSE land in share/doc/samlint.

deb: cpack makes the .deb from BUILD_DIR; its Depends name Debian's packages of
the libraries the binary links and its version is the project's. Then, in a
clean Debian 12 root made by `debootstrap --variant=minbase bookworm` (cached
as a tarball in CACHE_DIR), it runs the instructions of the Dockerfile's final
stage themselves (ARG, ENV, COPY, RUN, WORKDIR, ENTRYPOINT, CMD), with the .deb
standing in for the build stage's, so apt resolves the Depends from Debian's
mirror; the entrypoint then prints the version, and the example mounted at the
image's WORKDIR gives the same report as the built binary. Needs root (chroot,
mount) and debootstrap: without them it skips (exit 77), unless
SAMLINT_REQUIRE_TOOLS=1 (tools/test.sh sets it). SAMLINT_DEBIAN_MIRROR chooses
the mirror (default http://deb.debian.org/debian).
"""
import glob
import json
import os
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile

SOURCE_DIR = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
EXAMPLE = "aliyun-console-clamped.xml"
EXAMPLE_ARGS = ["check", EXAMPLE, "--scenario", "aliyun:saml-console", "--login-session", "6h",
                "--role-max-session", "1h", "--target", "8h"]
# What docker gives a container that sets no PATH (and what the Debian image keeps).
DOCKER_PATH = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
# The runtime libraries the binary links: their Debian packages must be in Depends.
RUNTIME_PACKAGES = ["libc6", "libstdc++6", "libssl3", "libxml2", "libxmlsec1", "libxmlsec1-openssl",
                    "libgit2-1.5"]


def fail(message):
    print(f"package: FAILED: {message}")
    sys.exit(1)


def skip(why):
    if os.environ.get("SAMLINT_REQUIRE_TOOLS") == "1":
        fail(f"{why}; SAMLINT_REQUIRE_TOOLS=1 requires it")
    print(f"package: skipped: {why}")
    sys.exit(77)


def run(command, **kwargs):
    """Runs a command, failing the test with its output when it fails."""
    result = subprocess.run(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                            stdin=subprocess.DEVNULL, **kwargs)
    if result.returncode != 0:
        fail(f"{shlex.join(command)} exited {result.returncode}:\n{result.stdout}")
    return result.stdout


def project_version(build_dir):
    with open(os.path.join(build_dir, "CMakeCache.txt"), encoding="utf-8") as cache:
        for line in cache:
            if line.startswith("CMAKE_PROJECT_VERSION:"):
                return line.split("=", 1)[1].strip()
    fail(f"no CMAKE_PROJECT_VERSION in {build_dir}/CMakeCache.txt")


def expected_example(build_dir):
    """The built binary's report of the bundled example, run from the example's folder."""
    binary = os.path.join(build_dir, "samlint")
    result = subprocess.run([binary] + EXAMPLE_ARGS, cwd=os.path.join(SOURCE_DIR, "testdata", "examples"),
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if result.returncode != 1 or "role_max_session_duration" not in result.stdout:
        fail(f"the built binary's example run exited {result.returncode}:\n{result.stdout}{result.stderr}")
    return result.stdout


def check_example(label, result, expected):
    if result.returncode != 1:
        fail(f"{label}: the example exited {result.returncode}, expected 1 (below target):\n"
             f"{result.stdout}{result.stderr}")
    if result.stdout != expected:
        fail(f"{label}: the example's report differs from the built binary's:\n--- got\n{result.stdout}"
             f"--- expected\n{expected}")


def test_install(build_dir):
    version = project_version(build_dir)
    expected = expected_example(build_dir)
    with tempfile.TemporaryDirectory(prefix="samlint-install-") as prefix:
        run(["cmake", "--install", build_dir, "--prefix", prefix, "--strip"])
        binary = os.path.join(prefix, "bin", "samlint")
        if not os.access(binary, os.X_OK):
            fail(f"cmake --install put no executable at {binary}")
        for doc in ("README.md", "LICENSE"):
            if not os.path.isfile(os.path.join(prefix, "share", "doc", "samlint", doc)):
                fail(f"cmake --install put no share/doc/samlint/{doc}")
        # The installed binary must not reach back into the build tree.
        dynamic = run(["objdump", "-p", binary])
        if os.path.realpath(build_dir) in dynamic or "RUNPATH" in dynamic or "RPATH" in dynamic:
            fail(f"the installed binary keeps a run path:\n{dynamic}")
        # Found by name on PATH, from a folder that holds the example, as a user runs it.
        env = dict(os.environ, PATH=f"{prefix}/bin:/usr/bin:/bin")
        shown = run(["samlint", "--version"], env=env).strip()
        if shown != f"samlint {version}":
            fail(f"installed samlint --version printed {shown!r}, expected 'samlint {version}'")
        with tempfile.TemporaryDirectory() as work:
            shutil.copy(os.path.join(SOURCE_DIR, "testdata", "examples", EXAMPLE), work)
            result = subprocess.run(["samlint"] + EXAMPLE_ARGS, cwd=work, env=env, text=True,
                                    stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            check_example("installed samlint", result, expected)
    print(f"install: ok (samlint {version} installed, on PATH, same report as the build)")


def make_deb(build_dir, out_dir, version):
    """cpack's .deb from BUILD_DIR, checked: name, version, files, Depends."""
    run(["cpack", "--config", os.path.join(build_dir, "CPackConfig.cmake"), "-G", "DEB", "-B", out_dir])
    debs = glob.glob(os.path.join(out_dir, "*.deb"))
    if len(debs) != 1:
        fail(f"cpack made {debs}, expected one .deb")
    deb = debs[0]
    fields = {}
    for field in ("Package", "Version", "Depends", "Architecture"):
        fields[field] = run(["dpkg-deb", "--field", deb, field]).strip()
    if fields["Package"] != "samlint" or fields["Version"] != version:
        fail(f"the .deb is {fields['Package']} {fields['Version']}, expected samlint {version}")
    arch = run(["dpkg", "--print-architecture"]).strip()
    if os.path.basename(deb) != f"samlint_{version}_{arch}.deb":
        fail(f"the .deb is named {os.path.basename(deb)}, expected samlint_{version}_{arch}.deb")
    depends = {re.split(r"[\s(]", part.strip())[0] for part in fields["Depends"].split(",")}
    missing = [p for p in RUNTIME_PACKAGES if p not in depends]
    if missing:
        fail(f"Depends ({fields['Depends']}) lacks {missing}")
    contents = run(["dpkg-deb", "--contents", deb])
    paths = {line.split()[-1] for line in contents.splitlines() if line.strip()}
    for path in ("./usr/bin/samlint", "./usr/share/doc/samlint/LICENSE", "./usr/share/doc/samlint/README.md"):
        if path not in paths:
            fail(f"the .deb has no {path}:\n{contents}")
    print(f"deb: {os.path.basename(deb)}, Depends: {fields['Depends']}")
    return deb


class Root:
    """A Debian 12 minbase root with /proc mounted while in use; unmounted on every exit path."""

    def __init__(self, path):
        self.path = path
        self.mounts = []

    def mount_proc(self):
        target = os.path.join(self.path, "proc")
        os.makedirs(target, exist_ok=True)
        run(["mount", "-t", "proc", "proc", target])
        self.mounts.append(target)

    def unmount_all(self):
        for target in reversed(self.mounts):
            if subprocess.run(["umount", target]).returncode != 0:
                subprocess.run(["umount", "-l", target])
        self.mounts = []

    def chroot(self, argv, env, cwd="/"):
        """argv run inside the root from cwd, with exactly env, stdin closed (like docker build)."""
        script = f"cd {shlex.quote(cwd)} && exec {shlex.join(argv)}"
        return subprocess.run(["chroot", self.path, "/bin/sh", "-c", script], env=env, text=True,
                              stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def mounted_under(path):
    real = os.path.realpath(path)
    with open("/proc/self/mounts", encoding="utf-8") as mounts:
        points = [line.split()[1].replace("\\040", " ") for line in mounts]
    return [p for p in points if p == real or p.startswith(real + "/")]


def debian_root(cache_dir, work):
    """A fresh minbase bookworm root under work: unpacked from the cached tarball, made once."""
    tarball = os.path.join(cache_dir, "debian-bookworm-minbase.tar.gz")
    root = os.path.join(work, "root")
    if not os.path.exists(tarball):
        mirror = os.environ.get("SAMLINT_DEBIAN_MIRROR", "http://deb.debian.org/debian")
        fresh = os.path.join(work, "fresh")
        print(f"package: debootstrap --variant=minbase bookworm from {mirror} (cached in {tarball})")
        run(["debootstrap", "--variant=minbase", "bookworm", fresh, mirror])
        # The apt sources debian:bookworm-slim ships: the release, its updates, security.
        security = mirror.rsplit("/debian", 1)[0] + "/debian-security" if mirror.endswith("/debian") \
            else "http://deb.debian.org/debian-security"
        os.remove(os.path.join(fresh, "etc", "apt", "sources.list"))
        with open(os.path.join(fresh, "etc", "apt", "sources.list.d", "debian.sources"), "w",
                  encoding="utf-8") as sources:
            sources.write(f"Types: deb\nURIs: {mirror}\nSuites: bookworm bookworm-updates\n"
                          "Components: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n\n"
                          f"Types: deb\nURIs: {security}\nSuites: bookworm-security\n"
                          "Components: main\nSigned-By: /usr/share/keyrings/debian-archive-keyring.gpg\n")
        shutil.rmtree(os.path.join(fresh, "var", "lib", "apt", "lists"), ignore_errors=True)
        os.makedirs(os.path.join(fresh, "var", "lib", "apt", "lists", "partial"))
        for deb in glob.glob(os.path.join(fresh, "var", "cache", "apt", "archives", "*.deb")):
            os.remove(deb)
        os.makedirs(cache_dir, exist_ok=True)
        partial = tarball + ".partial"
        run(["tar", "-C", fresh, "--numeric-owner", "-czf", partial, "."])
        os.replace(partial, tarball)
        shutil.rmtree(fresh)
    os.makedirs(root)
    run(["tar", "-C", root, "--numeric-owner", "-xzf", tarball])
    # The name service apt uses to reach the mirror, as docker provides it.
    shutil.copy("/etc/resolv.conf", os.path.join(root, "etc", "resolv.conf"))
    return root


def dockerfile_final_stage(path):
    """The final stage's instructions as (keyword, argument) pairs, continuation lines joined."""
    with open(path, encoding="utf-8") as dockerfile:
        text = dockerfile.read()
    logical, current = [], ""
    for line in text.splitlines():
        if not current and (not line.strip() or line.lstrip().startswith("#")):
            continue
        if line.rstrip().endswith("\\"):
            current += line.rstrip()[:-1] + " "
            continue
        logical.append(current + line)
        current = ""
    stages = []
    for line in logical:
        keyword, _, argument = line.strip().partition(" ")
        if keyword.upper() == "FROM":
            stages.append([])
        if not stages:
            fail(f"Dockerfile: {keyword} before FROM")
        stages[-1].append((keyword.upper(), argument.strip()))
    if not stages:
        fail("Dockerfile: no FROM")
    return stages[-1]


def dockerfile_build_stage_output(path):
    """Where the named build stage leaves its .deb (cpack -B DIR), to map COPY --from to."""
    with open(path, encoding="utf-8") as dockerfile:
        match = re.search(r"cpack\b[^\n]*?-B\s+(\S+)", dockerfile.read())
    if not match:
        fail("Dockerfile: the build stage runs no `cpack ... -B DIR`")
    return match.group(1).rstrip("/")


def run_final_stage(root, dockerfile, deb_dir):
    """The final stage's instructions, executed in root; then the entrypoint run as `docker run` does."""
    stage = dockerfile_final_stage(dockerfile)
    keyword, image = stage[0]
    if image.split()[0] != "debian:bookworm-slim":
        fail(f"Dockerfile: the final stage starts FROM {image}, the test root is debian:bookworm-slim's")
    build_output = dockerfile_build_stage_output(dockerfile)
    env = {"PATH": DOCKER_PATH, "HOME": "/root"}
    build_args = {}
    workdir, entrypoint, cmd = "/", None, []
    for keyword, argument in stage[1:]:
        if keyword == "ARG":
            name, _, value = argument.partition("=")
            build_args[name] = value
        elif keyword == "ENV":
            name, _, value = argument.partition("=")
            env[name] = value
        elif keyword == "WORKDIR":
            workdir = os.path.join(workdir, argument)
            os.makedirs(root.path + workdir, exist_ok=True)
        elif keyword == "COPY":
            parts = shlex.split(argument)
            source_stage = None
            if parts[0].startswith("--from="):
                source_stage = parts.pop(0)[len("--from="):]
            *sources, destination = parts
            copied = []
            for source in sources:
                if source_stage is not None:
                    if os.path.dirname(source).rstrip("/") != build_output:
                        fail(f"Dockerfile: COPY --from={source_stage} {source}: not the build stage's "
                             f"cpack output {build_output}")
                    copied += glob.glob(os.path.join(deb_dir, os.path.basename(source)))
                else:
                    copied += glob.glob(os.path.join(SOURCE_DIR, source))
            if not copied:
                fail(f"Dockerfile: COPY {argument}: nothing matches")
            target = root.path + os.path.join(workdir, destination)
            os.makedirs(target if destination.endswith("/") else os.path.dirname(target), exist_ok=True)
            for path in copied:
                shutil.copy(path, target)
        elif keyword == "RUN":
            if argument.startswith("["):
                fail(f"Dockerfile: RUN in exec form is not understood by this test: {argument}")
            result = root.chroot(["/bin/sh", "-c", argument], dict(env, **build_args), workdir)
            if result.returncode != 0:
                fail(f"Dockerfile: RUN {argument}\nexited {result.returncode}:\n{result.stdout}{result.stderr}")
            print(f"package: RUN {argument[:70]}... ok")
        elif keyword == "ENTRYPOINT":
            entrypoint = json.loads(argument)
        elif keyword == "CMD":
            cmd = json.loads(argument)
        elif keyword != "LABEL":
            fail(f"Dockerfile: the test does not know how to run {keyword} in the final stage")
    if entrypoint != ["samlint"]:
        fail(f"Dockerfile: the entrypoint is {entrypoint}, expected [\"samlint\"]")
    return env, workdir, entrypoint, cmd


def test_deb(build_dir, cache_dir):
    if os.geteuid() != 0:
        skip("needs root (debootstrap, chroot, mount)")
    for tool in ("debootstrap", "chroot", "dpkg-deb", "cpack", "file"):
        if shutil.which(tool) is None and not os.path.exists(f"/usr/sbin/{tool}"):
            skip(f"no {tool} (tools/install-deps.sh installs it)")
    os.environ["PATH"] = os.environ.get("PATH", "") + ":/usr/sbin:/sbin"
    version = project_version(build_dir)
    expected = expected_example(build_dir)
    # A run killed outright (a ctest timeout) leaves its root behind: unmount and remove it.
    for stale in glob.glob(os.path.join(build_dir, "package-test-*")):
        for point in sorted(mounted_under(stale), reverse=True):
            subprocess.run(["umount", "-l", point])
        if not mounted_under(stale):
            shutil.rmtree(stale, ignore_errors=True)
    # Under the build directory, not /tmp: the root needs its device nodes (nodev).
    work = tempfile.mkdtemp(prefix="package-test-", dir=build_dir)
    root = Root(os.path.join(work, "root"))

    def on_signal(number, _frame):
        raise SystemExit(f"package: stopped by signal {number}")

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    try:
        deb = make_deb(build_dir, os.path.join(work, "deb"), version)
        debian_root(cache_dir, work)
        root.mount_proc()
        dockerfile = os.path.join(SOURCE_DIR, "Dockerfile")
        env, workdir, entrypoint, cmd = run_final_stage(root, dockerfile, os.path.dirname(deb))
        status = root.chroot(["dpkg-query", "-W", "-f=${Status} ${Version}", "samlint"], env)
        if status.stdout != f"install ok installed {version}":
            fail(f"in the image, dpkg says samlint is {status.stdout!r}{status.stderr}")
        # Packages only: the image holds no compiler.
        if root.chroot(["sh", "-c", "command -v cc c++ g++ cmake"], env).returncode == 0:
            fail("the image holds build tools; only the build stage should")
        # docker run IMAGE --version; docker run IMAGE (the CMD); docker run -v "$PWD:/work" IMAGE check ...
        shown = root.chroot(entrypoint + ["--version"], env, workdir)
        if shown.returncode != 0 or shown.stdout.strip() != f"samlint {version}":
            fail(f"samlint --version in the image: exit {shown.returncode}, {shown.stdout!r}{shown.stderr}")
        default = root.chroot(entrypoint + cmd, env, workdir)
        if default.returncode != 0 or "check" not in default.stdout:
            fail(f"the image's default command: exit {default.returncode}:\n{default.stdout}{default.stderr}")
        shutil.copy(os.path.join(SOURCE_DIR, "testdata", "examples", EXAMPLE), root.path + workdir)
        check_example("samlint in the image", root.chroot(entrypoint + EXAMPLE_ARGS, env, workdir), expected)
    finally:
        root.unmount_all()
        left = mounted_under(work)
        if not left:
            shutil.rmtree(work, ignore_errors=True)
    if left:
        fail(f"still mounted after the test: {left}")
    print(f"package: ok (the .deb installed by the Dockerfile's final stage in a clean Debian 12 root)")


def copy_source_tree(destination):
    """The repository's files as the working tree has them (tracked and new, not ignored)."""
    listed = run(["git", "-C", SOURCE_DIR, "ls-files", "-z", "--cached", "--others", "--exclude-standard"])
    for relative in filter(None, listed.split("\0")):
        source = os.path.join(SOURCE_DIR, relative)
        if os.path.isfile(source):
            target = os.path.join(destination, relative)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            shutil.copy2(source, target)


def test_quickstart(build_dir, cache_dir):
    """README's first command on a fresh Debian 12 root, as root and then as a user.

    Not a ctest case (it compiles samlint once more); run it before a release
    (docs/release.md). Prints the wall and CPU time of the root run, ccache off.
    """
    if os.geteuid() != 0 or shutil.which("debootstrap") is None and not os.path.exists("/usr/sbin/debootstrap"):
        skip("needs root and debootstrap")
    os.environ["PATH"] = os.environ.get("PATH", "") + ":/usr/sbin:/sbin"
    work = tempfile.mkdtemp(prefix="package-test-", dir=build_dir)
    root = Root(os.path.join(work, "root"))
    env = {"PATH": DOCKER_PATH, "HOME": "/root", "CCACHE_DISABLE": "1", "TERM": "dumb"}
    try:
        debian_root(cache_dir, work)
        copy_source_tree(os.path.join(root.path, "src"))
        root.mount_proc()
        timed = root.chroot(["bash", "-c", "TIMEFORMAT='quickstart: real %R s, user %U s, sys %S s'; "
                             "time bash tools/quickstart.sh"], env, "/src")
        print(timed.stdout[-3000:] + timed.stderr[-3000:])
        if timed.returncode != 0 or "role_max_session_duration" not in timed.stdout:
            fail(f"tools/quickstart.sh as root exited {timed.returncode}")
        found = root.chroot(["bash", "-lc", "command -v samlint"], env, "/")
        if found.stdout.strip() != "/usr/local/bin/samlint":
            fail(f"as root, samlint on PATH afterwards is {found.stdout!r}")
        # A user: the packages are there now, so no sudo; the build is reused; ~/.local/bin is
        # not on PATH yet (Debian's ~/.profile adds it once it exists), which the script says.
        # The root install is removed first: a user on that machine would be told that the
        # samlint in /usr/local/bin comes first on PATH instead.
        for command in (["rm", "/usr/local/bin/samlint"],
                        ["useradd", "--create-home", "--shell", "/bin/bash", "user"],
                        ["chown", "-R", "user:user", "/src"]):
            if root.chroot(command, env).returncode != 0:
                fail(f"{command} in the root failed")
        as_user = root.chroot(["su", "user", "-c", "cd /src && bash tools/quickstart.sh"], env)
        if as_user.returncode != 0 or "/home/user/.local/bin is not on PATH" not in as_user.stderr \
                or "role_max_session_duration" not in as_user.stdout:
            fail(f"tools/quickstart.sh as a user exited {as_user.returncode}:\n{as_user.stdout}{as_user.stderr}")
        login = root.chroot(["su", "-", "user", "-c", "command -v samlint"], env)
        if login.stdout.strip() != "/home/user/.local/bin/samlint":
            fail(f"as a user, a new login shell finds samlint at {login.stdout!r}")
    finally:
        root.unmount_all()
        left = mounted_under(work)
        if not left:
            shutil.rmtree(work, ignore_errors=True)
    if left:
        fail(f"still mounted after the test: {left}")
    print("quickstart: ok (root: /usr/local/bin/samlint on PATH; user: ~/.local/bin/samlint, PATH hint)")


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "install":
        test_install(os.path.abspath(sys.argv[2]))
    elif len(sys.argv) == 4 and sys.argv[1] == "quickstart":
        test_quickstart(os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3]))
    elif len(sys.argv) == 4 and sys.argv[1] == "deb":
        test_deb(os.path.abspath(sys.argv[2]), os.path.abspath(sys.argv[3]))
    else:
        print(__doc__)
        sys.exit(2)


if __name__ == "__main__":
    main()
