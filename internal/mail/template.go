package mail

import (
	"bytes"
	"embed"
	"fmt"
	htmltemplate "html/template"
	"io/fs"
	"path"
	"regexp"
	"sort"
	"strings"
	"sync"
	texttemplate "text/template"
)

// templateFiles are the built-in templates. Each kind NAME has NAME.txt, which defines
// "subject" and "body" with text/template, and NAME.html, which defines "body" with
// html/template. layout.txt and layout.html define "layout", which wraps "body" of every kind.
//
//go:embed templates/*.txt templates/*.html
var templateFiles embed.FS

// Templates is a parsed set of mail templates. It is safe for concurrent use.
type Templates struct {
	kinds map[string]kindTemplates
}

type kindTemplates struct {
	text *texttemplate.Template
	html *htmltemplate.Template
}

var builtin = sync.OnceValues(func() (*Templates, error) {
	sub, err := fs.Sub(templateFiles, "templates")
	if err != nil {
		return nil, fmt.Errorf("open built-in mail templates: %w", err)
	}
	return ParseTemplates(sub)
})

// Render renders the built-in template kind with data into a message without recipients.
func Render(kind string, data any) (Message, error) {
	t, err := builtin()
	if err != nil {
		return Message{}, err
	}
	return t.Render(kind, data)
}

// ParseTemplates parses layout.txt, layout.html and every kind found in fsys (a NAME.txt with
// its NAME.html). Missing keys of map data are errors, as missing fields of structs are.
func ParseTemplates(fsys fs.FS) (*Templates, error) {
	names, err := fs.Glob(fsys, "*.txt")
	if err != nil {
		return nil, fmt.Errorf("list mail templates: %w", err)
	}
	t := &Templates{kinds: make(map[string]kindTemplates)}
	for _, name := range names {
		kind := strings.TrimSuffix(path.Base(name), ".txt")
		if kind == "layout" {
			continue
		}
		k, err := parseKind(fsys, kind)
		if err != nil {
			return nil, fmt.Errorf("parse mail template %s: %w", kind, err)
		}
		t.kinds[kind] = k
	}
	return t, nil
}

func parseKind(fsys fs.FS, kind string) (kindTemplates, error) {
	text, err := texttemplate.New(kind).Option("missingkey=error").
		ParseFS(fsys, "layout.txt", kind+".txt")
	if err != nil {
		return kindTemplates{}, err
	}
	html, err := htmltemplate.New(kind).Option("missingkey=error").
		ParseFS(fsys, "layout.html", kind+".html")
	if err != nil {
		return kindTemplates{}, err
	}
	return kindTemplates{text: text, html: html}, nil
}

// Kinds lists the kinds of the set, sorted.
func (t *Templates) Kinds() []string {
	kinds := make([]string, 0, len(t.kinds))
	for k := range t.kinds {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	return kinds
}

// Render renders kind with data into a message without recipients: the caller sets To.
func (t *Templates) Render(kind string, data any) (Message, error) {
	k, ok := t.kinds[kind]
	if !ok {
		return Message{}, fmt.Errorf("mail: no template %q", kind)
	}
	var subject, text, html bytes.Buffer
	if err := k.text.ExecuteTemplate(&subject, "subject", data); err != nil {
		return Message{}, fmt.Errorf("render subject of %s: %w", kind, err)
	}
	if err := k.text.ExecuteTemplate(&text, "layout", data); err != nil {
		return Message{}, fmt.Errorf("render text of %s: %w", kind, err)
	}
	if err := k.html.ExecuteTemplate(&html, "layout", data); err != nil {
		return Message{}, fmt.Errorf("render html of %s: %w", kind, err)
	}
	return Message{
		Kind:    kind,
		Subject: strings.Join(strings.Fields(subject.String()), " "),
		Text:    tidyText(text.String()),
		HTML:    html.String(),
	}, nil
}

// blankLines matches runs of blank lines, which the conditionals of text templates leave behind.
var blankLines = regexp.MustCompile(`\n[ \t]*\n(?:[ \t]*\n)+`)

// tidyText keeps at most one blank line between paragraphs and ends the text with one newline.
func tidyText(s string) string {
	return strings.TrimSpace(blankLines.ReplaceAllString(s, "\n\n")) + "\n"
}
