package app

import "example.com/m/codec"

func Format() string { return codec.Format }
