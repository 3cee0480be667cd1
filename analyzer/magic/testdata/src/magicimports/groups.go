package magicimports

// Imports in goimports' groups: the standard library, then the others.
import (
	"fmt" // formatting

	// gRPC's codes, under another name.
	grpc "google.golang.org/grpc/codes"

	"magic/sdk"
)

func groups(r resp) (grpc.Code, *sdk.TicketResp, error) {
	if r.ErrCode == 42001 { // want `use codes.AccessTokenExpired`
		return grpc.NotFound, nil, fmt.Errorf("expired")
	}
	return 0, nil, nil
}
