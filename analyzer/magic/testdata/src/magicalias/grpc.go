package magicalias

import "google.golang.org/grpc/codes"

func grpcCode(r resp) (codes.Code, bool) {
	return codes.NotFound, r.ErrCode == 40001 // want `use codes.InvalidCredential`
}
