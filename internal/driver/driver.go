// Package driver runs the wxerrlint analyzers as a standalone command at
// about the cost of a fact-free analyzer.
//
// The x/tools checker (multichecker) loads every dependency of the root
// packages from source, the standard library included, as soon as one
// analyzer declares a fact type, because facts must be computed for every
// package that the roots depend on. For wxerrlint nearly all of that work
// is wasted: its analyzers produce facts only in candidate packages (see
// errcode.CandidateFact), and almost no dependency is one.
//
// The driver asks the go command once for the package graph and the
// export data of every package (go list -deps -export, which the go
// command serves from its build cache, exactly as it does for a fact-free
// analyzer), then splits the graph in two:
//
//   - the source set: the root packages, every candidate (errcode's
//     notion, which the driver computes from the files with
//     errcode.CandidateScanner) that can hold WeChat code
//     (CandidateScanner.WeChat), every package that the go command could
//     not build, and every package that imports a package of the source
//     set, directly or not;
//   - everything else, which imports nothing of the source set: packages
//     that are no candidate, which produce no fact, and candidates that
//     only decode (they call json.Unmarshal), which can produce decoder
//     facts only.
//
// It analyses each package of the source set on its own, as go vet
// does: dependencies first, in parallel, each parsed and type-checked from
// its files with its imports read from export data (modular.go), the
// facts of its imports looked up by object path, its syntax dropped once
// its facts and findings are kept, so that memory grows with the largest
// package rather than the build. A fact of a package outside the source
// set is answered exactly where the driver knows it (its CandidateFact,
// no PackageFact, no fact of a kind only WeChat code earns), and when an
// analysis asks for a decoder fact of a function that can have one, the
// candidate is analysed on its own too, once (demand.go). So the run
// prints what the x/tools checker prints.
// Config.Verify checks that on a given build: it runs the analyzers on
// every package from source, as the x/tools checker does, reports any fact
// outside the WeChat part of the source set that the driver would not ask
// for and any candidate it decided otherwise than errcode, and runs the
// source set alone to compare what both print.
//
// The cache keeps three things (cache.go): the printed result of a run,
// keyed by a hash of the tool, its arguments, the source of every package
// outside the standard library and the export data of the others, so that
// a repeat run with nothing changed costs the go list call and reading
// the sources; each analysed package's facts and findings, keyed by its
// files and what its imports are to it (for a package of the source set,
// its API and facts: pkgcache.go), so that after an edit only the edited
// package is analysed again, and its importers only if its API or facts
// changed; and what the scan learnt of the packages in the module cache
// (scancache.go), so that a later run does not read their files.
//
// The driver covers the whole command line of the wxerrlint command: the
// output formats (output.go, sarif.go), -fix and -diff (fix.go), -tags,
// -test and the analyzers' flags. Only the go vet protocol is the x/tools
// checker's: ParseArgs says so, and the command hands over.
package driver

import (
	"fmt"
	"go/token"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strings"
	"sync/atomic"
	"time"

	"golang.org/x/tools/go/analysis"
	"golang.org/x/tools/go/analysis/checker"
	"golang.org/x/tools/go/packages"
)

// Config configures a run.
type Config struct {
	Dir         string // directory to run the go command in ("" = current)
	Tests       bool   // analyze test packages too
	Full        bool   // load every package from source, like the x/tools checker
	Verify      bool   // report packages outside the source set that produce facts (implies Full)
	CacheDir    string // result cache directory; "" disables it
	JSON        bool   // print diagnostics as JSON (Format "json")
	Format      string // "text" (""), "json", "sarif" or "github"
	Fix         bool   // apply the suggested fixes, then print what remains
	Diff        bool   // print the suggested fixes as a unified diff, apply nothing
	Tags        string // build tags, as the go command's -tags
	NewFrom     string // report only findings on lines changed since this git revision
	Context     int    // with ShowContext and text output, print this many lines around each finding
	ShowContext bool   // -c was given

	FindingsExit *int // the exit code when findings are the only trouble (nil: 3)

	Exclude     []string // slash-separated path patterns whose findings are not reported
	ExcludeBase string   // the directory the patterns are relative to
	WorkDir     string   // printed paths are relative to it ("" = current directory)

	AddImportSet bool     // the command line set -errcodemagic.addimport
	Checks       []string // every check of the command, run or not (directives.go; nil: those run)
	Timing       bool     // print phase times and per-analyzer totals to stderr
	Seq          bool     // run analyses sequentially (accurate per-analyzer times)
	CPUProf      string   // write a CPU profile to this file
	Args         []string // the command line, part of the cache key
}

type run struct {
	cfg   Config
	fset  *token.FileSet
	nodes map[*packages.Package]*node
	order []*node // dependencies first

	exp *exportData // the packages read from export data (typecheck.go)

	pkgDir     *cache    // the result cache's part for packages (pkg/); nil without a cache
	directives bool      // the checks keep what ignore directives silence (directives.go)
	pkgs       *pkgCache // the package cache; nil without a cache

	goenv   []byte       // go env -json
	goroot  string       // the go command's
	changed atomic.Bool  // a file changed between scan and parse
	read    atomic.Int64 // files scan read

	modState

	start time.Time // of the run
	last  time.Time // end of the last phase
	times []phase
}

// Run loads patterns, analyzes them and prints the findings (or fixes
// them). It returns the exit code: 0, 1 for errors, 3 for findings.
func Run(cfg Config, patterns []string, analyzers []*analysis.Analyzer, stdout, stderr io.Writer) (int, error) {
	if err := analysis.Validate(analyzers); err != nil {
		return 1, err
	}
	if cfg.Verify {
		cfg.Full = true
	}
	if cfg.Verify && cfg.CacheDir != "" {
		cfg.CacheDir = "" // verify runs again without it
	}
	var c *cache
	if cfg.CacheDir != "" {
		var err error
		if c, err = openCache(cfg.CacheDir); err != nil {
			return 1, err
		}
		go executableHash() // while the go command works
	}
	// Whether fixes may import codes: asked while the go command lists
	// the packages.
	addImport := addImportSetting(cfg, analyzers)
	inBuildList := make(chan bool, 1)
	if addImport != nil {
		go func() { inBuildList <- codesInBuildList(cfg.Dir, cfg.buildFlags()) }()
	}
	r := &run{
		cfg:   cfg,
		fset:  token.NewFileSet(),
		nodes: make(map[*packages.Package]*node),
		exp:   newExportData(),
	}
	if c != nil {
		r.pkgDir = &cache{filepath.Join(c.dir, pkgCacheDir)}
	}
	r.start = time.Now()
	r.last = r.start
	roots, err := r.load(patterns)
	if err != nil {
		return 1, err
	}

	if addImport != nil {
		// Only for this run: a later Run in the same process (a test, a
		// library user) decides afresh.
		old := addImport.Value.String()
		defer func() { _ = addImport.Value.Set(old) }()
		setAddImport(&r.cfg, addImport, inBuildList)
	}

	var key string
	if c != nil {
		if key, _ = r.cacheKey(); key == "" {
			c = nil
		} else if res, ok := c.get(key); ok {
			stderr.Write(res.stderr)
			stdout.Write(res.stdout)
			r.mark("cache hit")
			r.printTiming(stderr)
			return res.code, nil
		}
	}

	graph, results, err := r.analyze(roots, analyzers)
	if err != nil {
		return 1, err
	}

	res, clean, err := r.report(roots, results, graph, analyzers)
	if err != nil {
		return 1, err
	}
	if cfg.Verify {
		line, err := verifyAlone(cfg, patterns, analyzers, res)
		if err != nil {
			return 1, err
		}
		if line != "" {
			res.stderr = append(res.stderr, line...)
			res.code = max(res.code, 1)
		}
	}
	// Errors first, as the x/tools checker prints them.
	stderr.Write(res.stderr)
	stdout.Write(res.stdout)
	// A run with errors is not kept: the cause may be passing (export
	// data removed by a concurrent go clean -cache), and must not be
	// replayed.
	if c != nil && clean && !r.changed.Load() {
		c.put(key, res)
	}
	r.mark("print")
	r.printTiming(stderr)
	return res.code, nil
}

// analyze runs the analyzers and returns the results of the root
// packages, and with Config.Full the x/tools checker's graph: every
// package type-checked from source and analysed in one graph. Otherwise
// each package of the source set is analysed on its own (modular.go), or
// its record read from the package cache c.
func (r *run) analyze(roots []*packages.Package, analyzers []*analysis.Analyzer) (*checker.Graph, []*pkgResult, error) {
	judge, release := judgesDirectives(analyzers)
	defer release()
	r.directives = judge
	if r.cfg.Full {
		r.typeCheck()
		r.mark("parse+typecheck")
		graph, err := checker.Analyze(analyzers, roots, &checker.Options{Sequential: r.cfg.Seq})
		if err != nil {
			return nil, nil, err
		}
		r.spend(graph)
		r.mark("analyze")
		return graph, resultsOf(graph, judge), nil
	}
	r.analyzers = analyzers
	r.modSem = make(chan struct{}, runtime.GOMAXPROCS(0))
	if r.pkgDir != nil {
		if exe, err := executableHash(); err == nil {
			r.pkgs = newPkgCache(r.pkgDir, analyzers)
			r.setPackageKeys(exe)
		}
	}
	r.analyseSourceSet()
	r.mark("analyze")
	r.storePackages()
	var results []*pkgResult
	for _, p := range roots {
		if res := r.nodes[p].result; res != nil {
			results = append(results, res)
		}
	}
	return nil, results, nil
}

// Main runs the analyzers as ParseArgs configured them, printing to the
// standard streams, and returns the exit code: 0, 1 when packages do not
// load, an analysis fails or a fix cannot be written, 3 for findings (in
// every format).
func Main(cfg Config, analyzers []*analysis.Analyzer, patterns []string) int {
	if os.Getenv("GOGC") == "" {
		// A run is one short process whose heap is mostly garbage once a
		// package is analysed (its syntax and types are dropped): collect
		// half as often as Go's default. On bench/app this takes about
		// 15% off the wall time for 6% more peak memory. GOGC, when set,
		// wins.
		debug.SetGCPercent(200)
	}
	if cfg.CPUProf != "" {
		f, err := os.Create(cfg.CPUProf)
		if err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", filepath.Base(os.Args[0]), err)
			return 1
		}
		defer f.Close()
		if err := pprof.StartCPUProfile(f); err != nil {
			fmt.Fprintf(os.Stderr, "%s: %v\n", filepath.Base(os.Args[0]), err)
			return 1
		}
		defer pprof.StopCPUProfile()
	}
	code, err := Run(cfg, patterns, analyzers, os.Stdout, os.Stderr)
	if err != nil {
		// As log.Print, which the x/tools checker uses: one line end.
		msg := fmt.Sprintf("%s: %s", filepath.Base(os.Args[0]), goWords(err))
		if !strings.HasSuffix(msg, "\n") {
			msg += "\n"
		}
		fmt.Fprint(os.Stderr, msg)
		code = max(code, 1)
	}
	return code
}

// goListFailed is how go/packages wraps the go command's words when the
// go command fails as a whole.
var goListFailed = regexp.MustCompile(`^err: exit status \d+: stderr: `)

// goWords returns the message of err, the go command's own words when it
// is a failure of the go command.
func goWords(err error) string {
	return goListFailed.ReplaceAllString(err.Error(), "")
}
