// Command quickstart is a small WeChat client with the three mistakes
// wxerrlint finds. Run wxerrlint on it (see README.md at the repository root).
package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
)

type commonError struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

type ticketResp struct {
	commonError
	Ticket    string `json:"ticket"`
	ExpiresIn int    `json:"expires_in"`
}

// getTicket never looks at the errcode: a failed call returns "" and nil.
func getTicket(accessToken string) (string, error) {
	body, err := get("https://api.weixin.qq.com/cgi-bin/ticket/getticket?type=jsapi&access_token=" + accessToken)
	if err != nil {
		return "", err
	}
	var resp ticketResp
	if err := json.Unmarshal(body, &resp); err != nil {
		return "", err
	}
	return resp.Ticket, nil
}

// sendMessage compares magic numbers and gives up on an expired token.
func sendMessage(accessToken string, msg []byte) error {
	body, err := get("https://api.weixin.qq.com/cgi-bin/message/custom/send?access_token=" + accessToken)
	if err != nil {
		return err
	}
	var resp commonError
	if err := json.Unmarshal(body, &resp); err != nil {
		return err
	}
	if resp.ErrCode == 42001 {
		return errors.New("access token expired")
	}
	if resp.ErrCode != 0 {
		return fmt.Errorf("send: %d %s", resp.ErrCode, resp.ErrMsg)
	}
	return nil
}

func get(url string) ([]byte, error) {
	r, err := http.Get(url)
	if err != nil {
		return nil, err
	}
	defer r.Body.Close()
	return io.ReadAll(r.Body)
}

func main() {
	ticket, err := getTicket(os.Getenv("ACCESS_TOKEN"))
	fmt.Println(ticket, err)
	fmt.Println(sendMessage(os.Getenv("ACCESS_TOKEN"), nil))
}
