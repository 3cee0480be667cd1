package bench_test

// TestFleetCache checks the recipe of README.md's "CI fleets" section: two
// machines that share go vet's results through the go command's remote
// cache protocol (GOCACHEPROG), with bradfitz/go-tool-cache's go-cacher and
// go-cacher-server on loopback. The second machine, with an empty GOCACHE
// and an empty local store, must print what the first printed and run no
// vet tool: every wxerrlint result is replayed. It builds the cache
// programs from the Go module proxy, so it runs only when
// WXERRLINT_FLEET=1:
//
//	WXERRLINT_FLEET=1 go test -run FleetCache -v .

import (
	"fmt"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/wxerrlint/wxerrlint/bench/gen"
)

// The version of github.com/bradfitz/go-tool-cache the recipe was tried
// with.
const (
	goToolCache        = "github.com/bradfitz/go-tool-cache"
	goToolCacheVersion = "v0.0.0-20260722201841-0bb331e19f64"
)

func TestFleetCache(t *testing.T) {
	if os.Getenv("WXERRLINT_FLEET") != "1" {
		t.Skip("set WXERRLINT_FLEET=1 to build go-tool-cache from the module proxy and replay go vet results through it")
	}
	tmp := t.TempDir()
	bin := filepath.Join(tmp, "bin")
	gocmd := func(dir string, env []string, args ...string) string {
		t.Helper()
		cmd := exec.Command("go", args...)
		cmd.Dir = dir
		cmd.Env = append(os.Environ(), append([]string{"GOTOOLCHAIN=local", "GOWORK=off"}, env...)...)
		out, err := cmd.CombinedOutput()
		if _, ok := err.(*exec.ExitError); err != nil && !ok {
			t.Fatalf("go %s: %v", strings.Join(args, " "), err)
		}
		return string(out)
	}
	// The cache programs, and one wxerrlint binary for both machines,
	// built with -trimpath: go vet keys its results on the tool's content.
	if out := gocmd(".", []string{"GOBIN=" + bin}, "install", goToolCache+"/cmd/go-cacher@"+goToolCacheVersion,
		goToolCache+"/cmd/go-cacher-server@"+goToolCacheVersion); !exists(filepath.Join(bin, "go-cacher-server")) {
		t.Fatalf("go install go-tool-cache:\n%s", out)
	}
	vettool := filepath.Join(bin, "wxerrlint")
	if out := gocmd(".", nil, "build", "-trimpath", "-o", vettool, "github.com/wxerrlint/wxerrlint/cmd/wxerrlint"); !exists(vettool) {
		t.Fatalf("go build wxerrlint:\n%s", out)
	}
	corpus := filepath.Join(tmp, "corpus")
	if err := gen.Generate(corpus, 100); err != nil {
		t.Fatal(err)
	}

	addr := freeLoopbackAddr(t)
	server := exec.Command(filepath.Join(bin, "go-cacher-server"), "-cache-dir", filepath.Join(tmp, "server"), "-listen", addr)
	if err := server.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { server.Process.Kill(); server.Wait() })
	waitHTTP(t, "http://"+addr+"/")

	// machine runs go vet as one CI machine would: its own empty GOCACHE
	// and local store, the shared server, and -x to list what it runs.
	machine := func(name string) (diags, commands string) {
		t.Helper()
		start := time.Now()
		defer func() { t.Logf("machine %s: go vet took %v", name, time.Since(start).Round(10*time.Millisecond)) }()
		env := []string{
			"GOCACHE=" + filepath.Join(tmp, name, "gocache"),
			"GOCACHEPROG=" + filepath.Join(bin, "go-cacher") + " -cache-dir " + filepath.Join(tmp, name, "store") + " -cache-server http://" + addr,
			"GOFLAGS=",
		}
		out := gocmd(corpus, env, "vet", "-x", "-vettool="+vettool, "./...")
		var d, c strings.Builder
		for l := range strings.Lines(out) {
			if strings.Contains(l, ".go:") && !strings.HasPrefix(l, "#") && !strings.Contains(l, vettool) {
				d.WriteString(l)
			} else {
				c.WriteString(l)
			}
		}
		// go vet prints packages in the order they finish.
		lines := strings.SplitAfter(d.String(), "\n")
		slices.Sort(lines)
		return strings.Join(lines, ""), c.String()
	}
	first, firstCmds := machine("a")
	if first == "" || !strings.Contains(firstCmds, vettool) {
		t.Fatalf("the first machine ran no vet tool or found nothing:\n%s%s", first, firstCmds)
	}
	second, secondCmds := machine("b")
	if second != first {
		t.Errorf("the second machine printed\n%s\nthe first\n%s", second, first)
	}
	if strings.Contains(secondCmds, vettool) {
		t.Errorf("the second machine ran the vet tool: not every result was replayed:\n%s", secondCmds)
	}
	t.Logf("%d findings replayed", strings.Count(first, "\n"))
}

func exists(path string) bool {
	_, err := os.Stat(path)
	return err == nil
}

// freeLoopbackAddr returns a loopback address with a port free now.
func freeLoopbackAddr(t *testing.T) string {
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	return l.Addr().String()
}

// waitHTTP waits, at most 10 s, until url answers.
func waitHTTP(t *testing.T, url string) {
	deadline := time.Now().Add(10 * time.Second)
	for {
		resp, err := http.Get(url)
		if err == nil {
			resp.Body.Close()
			return
		}
		if time.Now().After(deadline) {
			t.Fatal(fmt.Errorf("cache server at %s: %v", url, err))
		}
		time.Sleep(50 * time.Millisecond)
	}
}
