package doc

func f() {}
