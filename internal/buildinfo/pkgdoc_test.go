package buildinfo

import (
	"fmt"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestPackageComments holds STYLE.md's rule that every package of the module says what it is for.
func TestPackageComments(t *testing.T) {
	root := moduleRoot(t)
	missing, err := undocumentedPackages(root)
	if err != nil {
		t.Fatal(err)
	}
	for _, dir := range missing {
		t.Errorf("package in %s has no package comment", dir)
	}
}

// TestUndocumentedPackagesFindsThem makes sure the check above can fail.
func TestUndocumentedPackagesFindsThem(t *testing.T) {
	t.Parallel()
	got, err := undocumentedPackages(filepath.Join("testdata", "pkgdoc"))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{filepath.Join("testdata", "pkgdoc", "nodoc")}
	if !slices.Equal(got, want) {
		t.Errorf("undocumentedPackages = %q, want %q", got, want)
	}
}

// undocumentedPackages walks the Go packages under root and lists the directories of those whose
// files (tests excepted) carry no package comment. It skips testdata, node_modules and hidden
// directories below root, as the go command does.
func undocumentedPackages(root string) ([]string, error) {
	var missing []string
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return err
		}
		if path != root && skipDir(d.Name()) {
			return filepath.SkipDir
		}
		documented, found, err := packageDoc(path)
		if err != nil {
			return err
		}
		if found && !documented {
			missing = append(missing, path)
		}
		return nil
	})
	return missing, err
}

func skipDir(name string) bool {
	return name == "testdata" || name == "node_modules" || strings.HasPrefix(name, ".") ||
		strings.HasPrefix(name, "_")
}

// packageDoc reports whether dir holds non-test Go files and whether one has a package comment.
func packageDoc(dir string) (documented, found bool, err error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil {
		return false, false, fmt.Errorf("list %s: %w", dir, err)
	}
	fset := token.NewFileSet()
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.PackageClauseOnly|parser.ParseComments)
		if err != nil {
			return false, false, fmt.Errorf("parse %s: %w", name, err)
		}
		found = true
		if f.Doc != nil && strings.TrimSpace(f.Doc.Text()) != "" {
			return true, true, nil
		}
	}
	return false, found, nil
}

// moduleRoot finds the directory of go.mod above the test's working directory.
func moduleRoot(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			return dir
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
}
