// Package markers declares what inference cannot see, with markers.
package markers

// Client posts requests.
type Client interface {
	Get(url string) error
}

// Send posts a message through a client whose transport retries.
//
//wxerrlint:retries
func Send(c Client, url string) error { // want Send:"retries"
	return c.Get(url)
}

// SendAll sends through Send: it retries too.
func SendAll(c Client, urls []string) error { // want SendAll:"retries"
	for _, u := range urls {
		if err := Send(c, u); err != nil {
			return err
		}
	}
	return nil
}

//wxerrlint:refreshes-token the login endpoint issues a new access_token
func Login(c Client) error { // want Login:"refreshesToken"
	return c.Get("https://example.com/login")
}

// NotAMarker has a comment that only mentions the marker.
// See wxerrlint:retries in the docs.
func NotAMarker() {}
