// Package codes stands in for gRPC's codes package, whose name clashes.
package codes

type Code uint32

const NotFound Code = 5
