-- Shared by the broker-name scripts (sent as a chunk in front of them): every check of a rename that reads only
-- the names hash, in the order the caller's outcomes come. stream_refusal is why the audit stream cannot take the
-- entry ('' when it can), asked by the caller: checked right after the names hash's own type.
-- Returns nil and the name now ('' for none) when the rename may go on, else {outcome, name now, detail}.
local function broker_name_checks(key, id, expected, name, max_bytes, max_id, stream_refusal)
  if id == '' or #id > tonumber(max_id) or string.find(id, '%c') then
    return {'NOT_ALLOWED', '', 'a broker id must be 1 to ' .. max_id .. ' bytes without control characters'}
  end
  if #name > tonumber(max_bytes) then return {'NOT_ALLOWED', '', 'a name is at most ' .. max_bytes .. ' bytes'} end
  if string.find(name, '%c') then return {'NOT_ALLOWED', '', 'a name may not hold control characters'} end

  local nt = redis.call('TYPE', key)['ok']
  if nt ~= 'none' and nt ~= 'hash' then return {'REFUSED', '', key .. ' is a ' .. nt .. ', not a hash'} end
  if stream_refusal ~= '' then return {'REFUSED', '', stream_refusal} end

  local cur = false
  if nt == 'hash' then cur = redis.call('HGET', key, id) end
  local shown = cur or ''
  if expected == 'missing' then
    if cur then return {'CONFLICT', cur, 'the broker is named now'} end
  elseif string.sub(expected, 1, 3) == 'is:' then
    if cur ~= string.sub(expected, 4) then
      return {'CONFLICT', shown, cur and 'the name changed' or 'the name was removed'}
    end
  elseif expected ~= 'any' then
    return redis.error_reply('broker-name: expected name must be any, missing or is:<name>, not ' .. expected)
  end
  if name == '' and not cur then return {'NOT_ALLOWED', '', 'the broker has no name to remove'} end
  if name == cur then return {'NOT_ALLOWED', shown, 'the broker already has this name'} end
  return nil, shown
end
